import ArgumentParser
import Foundation
import LeagueOperator
import LeagueProtocol

/// The game and format options `league start` and `league demo` share.
struct GameFormatOptions: ParsableArguments {
    @Option(help: "The game: even_odd, rps or connect_four (`-` for `_` is fine).", transform: Self.game)
    var game: GameType = .evenOdd

    @Option(
        help: "How players are paired: round-robin, double-round-robin, swiss (needs --rounds), knockout or gauntlet.",
        transform: Self.format)
    var format: LeagueFormat = .roundRobin

    @Option(help: "Swiss: the number of rounds.")
    var rounds: Int?

    @Option(help: "Rock-Paper-Scissors: throws per match, the majority wins (sets the game option best_of).")
    var bestOf: Int?

    @Option(name: .customLong("game-option"), help: "A game option KEY=INT passed to the referees untouched (repeatable).")
    var gameOption: [String] = []

    /// The settings these options ask for; a ``ValidationError`` names the option at fault.
    func settings(gauntletPlayer: String? = nil) throws -> LeagueSettings {
        var options = GameOptions()
        for text in gameOption {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Int(parts[1]) else { throw ValidationError("--game-option takes KEY=INT, not '\(text)'") }
            guard options.updateValue(value, forKey: parts[0]) == nil else {
                throw ValidationError("--game-option \(parts[0]) is given twice")
            }
        }
        if let bestOf {
            guard game == "rps" else {
                throw ValidationError("--best-of is for rps (Rock-Paper-Scissors); \(game) has no best_of (use --game-option for its own)")
            }
            guard bestOf >= 1 else { throw ValidationError("--best-of must be at least 1") }
            guard options.updateValue(bestOf, forKey: "best_of") == nil else {
                throw ValidationError("best_of is given twice: by --best-of and --game-option")
            }
        }
        let settings = LeagueSettings(game: game, format: format, rounds: rounds, gauntletPlayer: gauntletPlayer, gameOptions: options)
        do {
            try settings.validate()
        } catch {
            throw ValidationError("--\(Self.option(for: error.setting)): \(error.message)")
        }
        return settings
    }

    private static func option(for setting: LeagueSettingsError.Setting) -> String {
        switch setting {
        case .game: "game"
        case .format: "format"
        case .rounds: "rounds"
        case .gauntletPlayer: "gauntlet-player"
        case .gameOptions: "game-option"
        }
    }

    private static func game(_ text: String) throws -> GameType {
        guard let game = GameType(argument: text) else {
            throw ValidationError("'\(text.prefix(40))' is not a game name: even_odd, rps, connect_four, … (1–32 of a-z, 0-9, _)")
        }
        return game
    }

    private static func format(_ text: String) throws -> LeagueFormat {
        guard let format = LeagueFormat(argument: text) else {
            let known = LeagueFormat.allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") }.joined(separator: ", ")
            throw ValidationError("unknown format '\(text.prefix(40))'; known: \(known)")
        }
        return format
    }
}
