extension RockPaperScissors {
    /// A throw: `rock` beats `scissors`, `scissors` beats `paper`, `paper` beats `rock`.
    public enum Throw: String, Sendable, Hashable, Codable, CaseIterable {
        case rock
        case paper
        case scissors

        /// The throw this one beats.
        public var beaten: Throw {
            switch self {
            case .rock: .scissors
            case .paper: .rock
            case .scissors: .paper
            }
        }

        /// The throw that beats this one.
        public var counter: Throw {
            switch self {
            case .rock: .paper
            case .paper: .scissors
            case .scissors: .rock
            }
        }

        /// Whether this throw beats `other`.
        public func beats(_ other: Throw) -> Bool { beaten == other }

        /// The throw as a move (`"rock"`).
        public var move: Move { Move(rawValue) }
    }

    /// What a seat is shown when asked for a throw, from its own side.
    public struct View: Codable, Sendable, Hashable {
        /// A past throw: the seat's own and its opponent's.
        public struct PastThrow: Codable, Sendable, Hashable {
            public var you: Throw
            public var opponent: Throw

            public init(you: Throw, opponent: Throw) {
                self.you = you
                self.opponent = opponent
            }
        }

        /// N of best of N (`best_of`).
        public var bestOf: Int
        /// The number of the throw being asked, 1 for the first (`throw`); drawn throws count.
        public var throwNumber: Int
        /// Throws this seat has won (`your_wins`).
        public var yourWins: Int
        /// Throws the opponent has won (`opponent_wins`).
        public var opponentWins: Int
        /// Every past throw, oldest first.
        public var history: [PastThrow]

        public init(bestOf: Int, throwNumber: Int, yourWins: Int, opponentWins: Int, history: [PastThrow]) {
            self.bestOf = bestOf
            self.throwNumber = throwNumber
            self.yourWins = yourWins
            self.opponentWins = opponentWins
            self.history = history
        }

        enum CodingKeys: String, CodingKey {
            case bestOf = "best_of"
            case throwNumber = "throw"
            case yourWins = "your_wins"
            case opponentWins = "opponent_wins"
            case history
        }
    }
}
