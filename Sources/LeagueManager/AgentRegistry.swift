import LeagueProtocol
import LeagueStore

/// The agents the manager knows, by id and by ZeroMQ routing id.
struct AgentRegistry {
    enum Role: String { case player, referee }

    /// A match in progress, as seen from one of its agents.
    struct ActiveMatch: Equatable {
        let leagueIndex: Int
        let matchIndex: Int
        let refereeID: String
    }

    struct Agent {
        let id: String
        /// `id` as bytes, for the peer frame of forwarded messages.
        let idBytes: [UInt8]
        let role: Role
        var displayName: String
        /// The connection it speaks from; empty after a manager restart until it registers again.
        var identity: [UInt8]
        var token: [UInt8]
        /// Referees: how many matches at once, how many are leased now, and whether it takes new work.
        var capacity = 0
        var leased = 0
        var accepting = true
        var breaker = CircuitBreaker()
        /// Players: the league they belong to and the match they are in.
        var leagueID: String?
        var activeMatch: ActiveMatch?
        /// Liveness: last message heard, and since when the agent is considered gone.
        var lastSeen: UInt64 = 0
        var connected = true
        var disconnectedAt: UInt64?

        /// Reachable and heard from recently.
        var isReachable: Bool { connected && !identity.isEmpty }
    }

    private(set) var agents: [String: Agent] = [:]
    private var idByIdentity: [[UInt8]: String] = [:]
    private var idByName: [Role: [String: String]] = [.player: [:], .referee: [:]]
    /// Ids in registration order, for deterministic choices.
    private(set) var playerOrder: [String] = []
    private(set) var refereeOrder: [String] = []

    subscript(id: String) -> Agent? {
        get { agents[id] }
        set { agents[id] = newValue }
    }

    func id(forIdentity identity: [UInt8]) -> String? { idByIdentity[identity] }

    /// Registers an agent, or re-registers one with the same role and name: it keeps its id and gets a new
    /// token and connection. `returning` tells which.
    mutating func register(role: Role, name: String, identity: [UInt8], capacity: Int = 0, now: UInt64) -> (agent: Agent, returning: Bool) {
        let token = Self.makeToken()
        if let existing = idByName[role]?[name], var agent = agents[existing] {
            if idByIdentity[agent.identity] == existing { idByIdentity[agent.identity] = nil }
            agent.identity = identity
            agent.token = token
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
        let id = role == .player ? "P" + Self.pad(number) : "REF" + Self.pad(number)
        var agent = Agent(
            id: id, idBytes: Array(id.utf8), role: role, displayName: name, identity: identity, token: token, capacity: capacity)
        agent.lastSeen = now
        add(agent)
        return (agent, false)
    }

    /// Re-creates agents from the store after a restart: known by id and name, but with no connection
    /// until they register again. They count as alive from `now`, so they get one liveness window.
    mutating func restore(_ stored: [StoredAgent], now: UInt64) {
        for record in stored {
            guard let role = Role(rawValue: record.role), agents[record.id] == nil else { continue }
            var agent = Agent(
                id: record.id, idBytes: Array(record.id.utf8), role: role, displayName: record.name, identity: [], token: [],
                capacity: record.capacity)
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
