import LeagueProtocol

/// The frames of one Even/Odd match, encoded once by the real codec so that the raw relay moves messages
/// of the same types and sizes as a league does, without coding any of them per match.
struct RawMessages: Sendable {
    let protocolTag = WireMessage.protocolTag
    let invitation: Frame
    let joinAck: Frame
    let call: Frame
    let response: Frame
    let gameOver: Frame
    let report: Frame
    let ack: Frame

    /// A message type frame and its body.
    struct Frame: Sendable {
        let type: [UInt8]
        let body: [UInt8]
        init<Body: MessageBody>(_ body: Body, sender: String, codec: MessageCodec) {
            type = Array(Body.messageType.rawValue.utf8)
            self.body = codec.encode(
                body, sender: sender, conversationID: "conv-league-1-R1M1", authToken: "tok_0123456789abcdef0123456789abcdef")
        }
    }

    init() {
        let codec = MessageCodec()
        let referee = "referee:REF01"
        invitation = Frame(
            GameInvitation(leagueID: "league-1", roundID: 1, matchID: "R1M1", roleInMatch: .playerA, opponentID: "P02"), sender: referee,
            codec: codec)
        joinAck = Frame(GameJoinAck(matchID: "R1M1", playerID: "P01", accept: true), sender: "player:P01", codec: codec)
        call = Frame(
            ChooseParityCall(
                matchID: "R1M1", playerID: "P01", context: .init(opponentID: "P02", roundID: 1, yourStandings: .init()),
                deadline: Timestamp.now()), sender: referee, codec: codec)
        response = Frame(ChooseParityResponse(matchID: "R1M1", playerID: "P01", parityChoice: "even"), sender: "player:P01", codec: codec)
        let choices = ["P01": "even", "P02": "odd"]
        gameOver = Frame(
            GameOver(
                matchID: "R1M1",
                gameResult: .init(
                    status: .win, winnerPlayerID: "P01", drawnNumber: 4, numberParity: .even, choices: choices,
                    reason: "P01 chose even and the number 4 is even")), sender: referee, codec: codec)
        report = Frame(
            MatchResultReport(
                leagueID: "league-1", roundID: 1, matchID: "R1M1",
                result: .init(
                    winner: "P01", score: ["P01": 3, "P02": 0],
                    details: .init(
                        status: .win, drawnNumber: 4, choices: choices, seed: 1234567890123,
                        reason: "P01 chose even and the number 4 is even",
                        technicalLosers: []))), sender: referee, codec: codec)
        ack = Frame(MatchResultAck(leagueID: "league-1", matchID: "R1M1", status: .accepted), sender: "league_manager", codec: codec)
    }

    /// Messages the relay receives per match: 2 invitations, 2 join acks, 2 calls, 2 responses, 2 game-overs
    /// and the report, as the manager does.
    static let perMatch = 11
}
