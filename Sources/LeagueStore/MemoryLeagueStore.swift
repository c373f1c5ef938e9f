import LeagueProtocol

/// A store that keeps everything in memory: for `league demo`, benchmarks and logic tests, where nothing
/// needs to survive the process.
public final class MemoryLeagueStore: LeagueStore {
    private var state = StoredState()
    private var transcripts: [String: MatchTranscript] = [:]

    public init() {}

    public func load() throws(StoreError) -> StoredState { state }

    public func save(agent: StoredAgent) throws(StoreError) {
        if let index = state.agents.firstIndex(where: { $0.id == agent.id }) {
            state.agents[index] = agent
        } else {
            state.agents.append(agent)
        }
    }

    public func save(league: StoredLeague, matches: [StoredMatch]) throws(StoreError) {
        if let index = state.leagues.firstIndex(where: { $0.id == league.id }) {
            state.leagues[index] = league
        } else {
            state.leagues.append(league)
        }
        // Like the SQLite store: matches already stored stay as they are, new ones are added.
        var stored = state.matches[league.id] ?? []
        let known = Set(stored.map(\.matchID))
        stored.append(contentsOf: matches.filter { !known.contains($0.matchID) })
        if !stored.isEmpty { state.matches[league.id] = stored }
    }

    public func updateLease(leagueID: String, matchID: String, leaseID: Int, refereeID: String?) throws(StoreError) {
        guard let index = state.matches[leagueID]?.firstIndex(where: { $0.matchID == matchID }) else { return }
        state.matches[leagueID]?[index].leaseID = leaseID
        state.matches[leagueID]?[index].refereeID = refereeID
    }

    public func recordResult(_ result: StoredResult) throws(StoreError) {
        if let index = state.matches[result.leagueID]?.firstIndex(where: { $0.matchID == result.matchID }) {
            state.matches[result.leagueID]?[index].result = result.result
            state.matches[result.leagueID]?[index].refereeID = nil
        }
        if result.completesLeague, let index = state.leagues.firstIndex(where: { $0.id == result.leagueID }) {
            state.leagues[index].status = .completed
        }
        transcripts[result.leagueID + "/" + result.matchID] = result.transcript
    }

    public func transcript(leagueID: String, matchID: String) throws(StoreError) -> MatchTranscript? {
        transcripts[leagueID + "/" + matchID]
    }
}
