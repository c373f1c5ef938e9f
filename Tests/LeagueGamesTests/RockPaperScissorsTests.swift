import Foundation
import LeagueGames
import LeagueProtocol
import Testing

@Suite("Rock-Paper-Scissors rules")
struct RockPaperScissorsTests {
    typealias RPS = RockPaperScissors

    /// Plays `throws` ("rock/paper" = A rock, B paper) from the start.
    static func play(_ game: RPS, _ throwsPlayed: [String]) throws -> RPS.State {
        var state = game.start(seed: 0)
        for pair in throwsPlayed {
            let parts = pair.split(separator: "/").map(String.init)
            state = try game.apply([.a: Move(parts[0]), .b: Move(parts[1])], to: state)
        }
        return state
    }

    /// Throws that A wins, B wins, or that are drawn.
    static let aWins = "rock/scissors"
    static let bWins = "rock/paper"
    static let drawn = "paper/paper"

    @Test("every pair of throws is decided by rock > scissors > paper > rock", arguments: RPS.Throw.allCases)
    func everyPair(a: RPS.Throw) throws {
        let game = try RPS(bestOf: 1)
        let beats: [RPS.Throw: RPS.Throw] = [.rock: .scissors, .scissors: .paper, .paper: .rock]
        for b in RPS.Throw.allCases {
            let state = try game.apply([.a: a.move, .b: b.move], to: game.start(seed: 0))
            let expected: Seat? = beats[a] == b ? .a : beats[b] == a ? .b : nil
            #expect(RPS.PlayedThrow(a: a, b: b).winner == expected)
            if let expected {
                #expect(game.outcome(of: state)?.result == .win(expected), "\(a) vs \(b)")
                #expect(game.outcome(of: state)?.score == [expected: 1, expected.other: 0])
            } else {
                #expect(game.outcome(of: state) == nil, "a drawn throw is thrown again")
                #expect(game.turn(in: state) == .both && state.wins(.a) == 0 && state.wins(.b) == 0)
            }
        }
    }

    @Test("best of N ends as soon as a seat has won ⌈N/2⌉ throws", arguments: [1, 3, 5])
    func bestOf(n: Int) throws {
        let game = try RPS(options: ["best_of": n])
        let needed = (n + 1) / 2
        #expect(game.throwsToWin == needed && game.throwCap == 3 * n)
        // B wins needed - 1, A wins needed - 1, then a draw: still going; then B wins the last one.
        var played = Array(repeating: Self.bWins, count: needed - 1) + Array(repeating: Self.aWins, count: needed - 1)
        played.append(Self.drawn)
        let before = try Self.play(game, played)
        #expect(game.outcome(of: before) == nil && game.turn(in: before) == .both)
        let after = try game.apply([.a: "scissors", .b: "rock"], to: before)
        let outcome = try #require(game.outcome(of: after))
        #expect(outcome.result == .win(.b))
        #expect(outcome.score == [.a: needed - 1, .b: needed])
        #expect(outcome.reason == "PLAYER_B wins \(needed)–\(needed - 1)")
        #expect(game.turn(in: after) == .over && game.legalMoves(in: after, for: .a).isEmpty)
        #expect(throws: IllegalMove.self) { try game.apply([.a: "rock", .b: "rock"], to: after) }
    }

    @Test("at the cap of 3·N throws, equal throws won is a draw and otherwise the leader wins")
    func cap() throws {
        let game = try RPS()  // best of 3: cap 9
        let level = [Self.aWins, Self.bWins] + Array(repeating: Self.drawn, count: 6)
        let eight = try Self.play(game, level)
        #expect(game.outcome(of: eight) == nil)
        let drawn = try game.apply([.a: "rock", .b: "rock"], to: eight)
        let draw = try #require(game.outcome(of: drawn))
        #expect(draw.result == .draw && draw.score == [.a: 1, .b: 1])
        #expect(draw.reason == "draw 1–1 at the 9-throw cap")

        let ahead = try Self.play(game, [Self.aWins] + Array(repeating: Self.drawn, count: 8))
        let lead = try #require(game.outcome(of: ahead))
        #expect(lead.result == .win(.a) && lead.score == [.a: 1, .b: 0])
        #expect(lead.reason == "PLAYER_A wins 1–0 at the 9-throw cap")

        let single = try Self.play(try RPS(bestOf: 1), Array(repeating: Self.drawn, count: 3))
        #expect(try RPS(bestOf: 1).outcome(of: single)?.result == .draw)
    }

    @Test(
        "options other than an odd best_of from 1 to 99 are refused",
        arguments: [
            ["best_of": 0], ["best_of": 2], ["best_of": -1], ["best_of": 100], ["best_of": 101], ["rounds": 3], ["best_of": 5, "x": 1],
        ]
    )
    func badOptions(options: GameOptions) {
        #expect(throws: InvalidGameOptions.self) { try RPS(options: options) }
    }

    @Test("no options is best of 3; 1 and 99 are accepted")
    func goodOptions() throws {
        #expect(try RPS(options: [:]).bestOf == 3)
        #expect(try RPS(options: ["best_of": 1]).bestOf == 1)
        #expect(try RPS(options: ["best_of": 99]).bestOf == 99)
        #expect(RPS.type == "rps")
        #expect(try RPS().invalidMovePolicy == .askAgain)
    }

    @Test(
        "a move that is not rock, paper or scissors, or a missing one, is an IllegalMove", arguments: ["Rock", "lizard", "", " rock", "0"])
    func illegalText(text: String) throws {
        let game = try RPS()
        let start = game.start(seed: 0)
        #expect(game.legalMoves(in: start, for: .a) == ["rock", "paper", "scissors"])
        #expect(game.legalMoves(in: start, for: .a).contains(Move(text)) == false)
        #expect(throws: IllegalMove.self) { try game.apply([.a: Move(text), .b: "rock"], to: start) }
        #expect(throws: IllegalMove.self) { try game.apply([.a: "rock", .b: Move(text)], to: start) }
        #expect(throws: IllegalMove.self) { try game.apply([.a: "rock"], to: start) }
    }

    @Test("each seat's view shows the throws from its own side")
    func views() throws {
        let game = try RPS(bestOf: 5)
        let state = try Self.play(game, ["rock/paper", "paper/paper", "scissors/paper"])
        let a = game.view(of: state, for: .a)
        let b = game.view(of: state, for: .b)
        #expect(a.bestOf == 5 && a.throwNumber == 4 && a.yourWins == 1 && a.opponentWins == 1)
        #expect(a.history.map(\.you) == [.rock, .paper, .scissors])
        #expect(a.history.map(\.opponent) == [.paper, .paper, .paper])
        #expect(b.history.map(\.you) == a.history.map(\.opponent) && b.history.map(\.opponent) == a.history.map(\.you))
        let first = game.view(of: game.start(seed: 0), for: .b)
        #expect(first.throwNumber == 1 && first.history.isEmpty && first.yourWins == 0)
    }

    @Test("the view's JSON uses snake_case keys and round-trips")
    func viewJSON() throws {
        let game = try RPS()
        let view = game.view(of: try Self.play(game, ["rock/scissors"]), for: .b)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(view), as: UTF8.self)
        #expect(
            json == #"{"best_of":3,"history":[{"opponent":"rock","you":"scissors"}],"opponent_wins":1,"throw":2,"your_wins":0}"#)
        #expect(try JSONDecoder().decode(RPS.View.self, from: Data(json.utf8)) == view)
    }
}
