import LeagueProtocol

/// One match a referee is running: WAITING_FOR_PLAYERS → COLLECTING_CHOICES → (decided) → reported.
struct MatchRun {
    /// The lease this run belongs to.
    var leaseID: Int { assignment.leaseID }
    enum Phase: Equatable {
        case joining
        case choosing
        /// Decided; MATCH_RESULT_REPORT sent and resent until acknowledged.
        case reporting
    }

    let assignment: MatchAssignment
    let conversationID: String
    var phase = Phase.joining
    /// The join or choice deadline, or when to resend the report.
    var deadline: UInt64
    var joined: Set<String> = []
    var choices: [String: ParityChoice] = [:]
    var report: WireMessage?

    var players: [String] { [assignment.playerAID, assignment.playerBID] }

    func opponent(of player: String) -> String {
        player == assignment.playerAID ? assignment.playerBID : assignment.playerAID
    }

    static func key(leagueID: String, matchID: String) -> String { leagueID + "/" + matchID }
}
