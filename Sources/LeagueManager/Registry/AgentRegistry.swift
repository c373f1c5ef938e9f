import LeagueProtocol
import LeagueStore

/// The agents the manager knows, by id and by ZeroMQ routing id.
struct AgentRegistry {
    typealias Role = AgentRole

    /// A match in progress, as seen from one of its agents.
    struct ActiveMatch: Equatable {
        let match: MatchRef
        let refereeID: AgentID
    }

    struct Agent {
        let id: AgentID
        /// `id` as bytes, for the peer frame of forwarded messages.
        let idBytes: [UInt8]
        let role: Role
        var displayName: String
        /// The games it declared (referees run them, players play them).
        var games: Set<GameType>
        /// The connection it speaks from; empty after a manager restart until it registers again.
        var identity: [UInt8]
        var token: [UInt8]
        /// Referees: how many matches at once, how many are leased now, and whether it takes new work.
        var capacity = 0
        var leased = 0
        var accepting = true
        var breaker = CircuitBreaker()
        /// Players: the league they belong to and the match they are in.
        var leagueID: LeagueID?
        var activeMatch: ActiveMatch?
        /// Liveness: last message heard, and since when the agent is considered gone.
        var lastSeen: UInt64 = 0
        var connected = true
        var disconnectedAt: UInt64?

        /// Reachable and heard from recently.
        var isReachable: Bool { connected && !identity.isEmpty }
    }

    private(set) var agents: [AgentID: Agent] = [:]
    private var idByIdentity: [[UInt8]: AgentID] = [:]
    private var idByName: [Role: [String: AgentID]] = [.player: [:], .referee: [:]]
    /// Ids in registration order, for deterministic choices.
    private(set) var playerOrder: [AgentID] = []
    private(set) var refereeOrder: [AgentID] = []

    subscript(id: AgentID) -> Agent? {
        get { agents[id] }
        set { agents[id] = newValue }
    }

    /// The agent a peer frame names (the wire's text form of an id).
    subscript(wire id: String) -> Agent? { agents[AgentID(id)] }

    func id(forIdentity identity: [UInt8]) -> AgentID? { idByIdentity[identity] }

    /// The agent with this role and name, if one is registered.
    func agent(role: Role, named name: String) -> Agent? { idByName[role]?[name].flatMap { agents[$0] } }

    /// Registers an agent, or re-registers one with the same role and name: it keeps its id and gets a new
    /// token and connection. `returning` tells which.
    mutating func register(role: Role, name: String, identity: [UInt8], games: Set<GameType>, capacity: Int = 0, now: UInt64)
        -> (agent: Agent, returning: Bool)
    {
        let token = Self.makeToken()
        if let existing = idByName[role]?[name], var agent = agents[existing] {
            if idByIdentity[agent.identity] == existing { idByIdentity[agent.identity] = nil }
            agent.identity = identity
            agent.token = token
            agent.games = games
            agent.capacity = capacity
            agent.accepting = true
            agent.connected = true
            agent.disconnectedAt = nil
            agent.lastSeen = now
            agents[existing] = agent
            idByIdentity[identity] = existing
            return (agent, true)
        }
        let number = role == .player ? playerOrder.count + 1 : refereeOrder.count + 1
        let id = AgentID(role == .player ? "P" + Self.pad(number) : "REF" + Self.pad(number))
        var agent = Agent(
            id: id, idBytes: Array(id.rawValue.utf8), role: role, displayName: name, games: games, identity: identity, token: token,
            capacity: capacity)
        agent.lastSeen = now
        add(agent)
        return (agent, false)
    }

    /// Re-creates agents from the store after a restart: known by id and name, but with no connection
    /// until they register again. They count as alive from `now`, so they get one liveness window.
    mutating func restore(_ stored: [StoredAgent], now: UInt64) {
        for record in stored {
            let id = AgentID(record.id)
            guard agents[id] == nil else { continue }
            var agent = Agent(
                id: id, idBytes: Array(record.id.utf8), role: record.role, displayName: record.name, games: Set(record.games),
                identity: [], token: [], capacity: record.capacity)
            agent.lastSeen = now
            add(agent)
        }
    }

    private mutating func add(_ agent: Agent) {
        agents[agent.id] = agent
        if !agent.identity.isEmpty { idByIdentity[agent.identity] = agent.id }
        idByName[agent.role, default: [:]][agent.displayName] = agent.id
        if agent.role == .player { playerOrder.append(agent.id) } else { refereeOrder.append(agent.id) }
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    private static func makeToken() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef".utf8)
        var token = Array("tok_".utf8)
        for _ in 0..<16 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            token.append(hex[Int(byte >> 4)])
            token.append(hex[Int(byte & 0x0F)])
        }
        return token
    }
}
