import LeagueProtocol

/// league.v2's game: both players pick `"even"` or `"odd"` at once; then a number from 1 to 10 is drawn
/// from the match's seed. Equal picks draw; otherwise the pick that matches the number's parity wins.
///
/// On the wire Even/Odd keeps league.v2's own messages (CHOOSE_PARITY_CALL and CHOOSE_PARITY_RESPONSE)
/// rather than MOVE_REQUEST; the rules are the same as every other game's.
public struct EvenOdd: Game, Hashable {
    public static let type = GameType.evenOdd

    /// Both picks, and the number once both are in.
    public struct State: Sendable, Hashable {
        /// The match's seed: the draw's only source of randomness.
        public var seed: UInt64
        public var choices: [Seat: ParityChoice] = [:]
        /// Drawn once, when both picks are in; `nil` before.
        public var drawnNumber: Int?

        public init(seed: UInt64) { self.seed = seed }
    }

    /// What a seat is shown: nothing before the draw (the opponent's pick is secret); the number after.
    public struct View: Codable, Sendable, Hashable {
        public var drawnNumber: Int?
        public init(drawnNumber: Int? = nil) { self.drawnNumber = drawnNumber }
        enum CodingKeys: String, CodingKey { case drawnNumber = "drawn_number" }
    }

    /// The two moves, in the order league.v2 lists them.
    public static let moves: [Move] = ParityChoice.allCases.map { Move($0.rawValue) }

    /// The game (it has no options).
    public init() {}

    /// Even/Odd has no options: any key is refused.
    public init(options: GameOptions) throws(InvalidGameOptions) {
        if let key = options.keys.sorted().first { throw InvalidGameOptions("even_odd takes no options, got \"\(key.prefix(32))\"") }
    }

    /// A wrong pick earns E004 and the player may pick again until the deadline.
    public var invalidMovePolicy: InvalidMovePolicy { .askAgain }

    public func start(seed: UInt64) -> State { State(seed: seed) }

    public func turn(in state: State) -> Turn { state.drawnNumber == nil ? .both : .over }

    public func legalMoves(in state: State, for seat: Seat) -> [Move] { state.drawnNumber == nil ? Self.moves : [] }

    /// Takes both picks at once and only then draws the number.
    public func apply(_ moves: [Seat: Move], to state: State) throws(IllegalMove) -> State {
        guard state.drawnNumber == nil else { throw IllegalMove("the number is already drawn") }
        var next = state
        for seat in Seat.allCases {
            guard let move = moves[seat] else { throw IllegalMove("both players pick at once; \(seat.role.rawValue) is missing") }
            guard let choice = ParityChoice(rawValue: move.rawValue) else {
                throw IllegalMove("a pick is \"even\" or \"odd\", got \"\(move.rawValue.prefix(20))\"")
            }
            next.choices[seat] = choice
        }
        var generator = SeededGenerator(seed: state.seed)
        next.drawnNumber = Self.draw(using: &generator)
        return next
    }

    public func outcome(of state: State) -> GameOutcome? {
        guard let number = state.drawnNumber, let choiceA = state.choices[.a], let choiceB = state.choices[.b] else { return nil }
        if choiceA == choiceB {
            return GameOutcome(result: .draw, score: [.a: 1, .b: 1], reason: "both chose \(choiceA.rawValue)")
        }
        let parity = ParityChoice(of: number)
        let winner: Seat = choiceA == parity ? .a : .b
        return GameOutcome(result: .win(winner), score: [winner: 3, winner.other: 0], reason: "\(number) is \(parity.rawValue)")
    }

    public func view(of state: State, for seat: Seat) -> View { View(drawnNumber: state.drawnNumber) }

    /// Draws the number, 1…10 uniformly, from the match's seeded generator.
    public static func draw(using generator: inout SeededGenerator) -> Int {
        Int.random(in: 1...10, using: &generator)
    }
}
