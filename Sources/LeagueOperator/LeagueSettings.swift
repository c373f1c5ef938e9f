import LeagueProtocol

/// What an operator chooses for a new league besides its size and seed: the game, the format and their
/// parameters. `league start`, `league demo` and `POST /api/leagues` check it the same way before asking
/// the manager, which checks again (and alone knows which games its agents play).
public struct LeagueSettings: Sendable, Hashable {
    /// The game every match plays.
    public var game: GameType
    /// How players are paired.
    public var format: LeagueFormat
    /// Swiss: the number of rounds (required for Swiss, refused otherwise).
    public var rounds: Int?
    /// Gauntlet: the display name of the player who meets everyone (refused for other formats).
    public var gauntletPlayer: String?
    /// Passed to the referees untouched, e.g. `["best_of": 5]`.
    public var gameOptions: GameOptions

    /// Creates settings; the defaults are an Even/Odd round robin.
    public init(
        game: GameType = .evenOdd, format: LeagueFormat = .roundRobin, rounds: Int? = nil, gauntletPlayer: String? = nil,
        gameOptions: GameOptions = [:]
    ) {
        self.game = game
        self.format = format
        self.rounds = rounds
        self.gauntletPlayer = gauntletPlayer
        self.gameOptions = gameOptions
    }

    /// Checks the settings on their own: a well-formed game name (``GameType/isWellFormed``), Swiss rounds exactly when the format is
    /// Swiss, a gauntlet player only for a gauntlet, well-formed option names.
    public func validate() throws(LeagueSettingsError) {
        guard game.isWellFormed else {
            throw LeagueSettingsError(.game, "'\(game.rawValue.prefix(40))' is not a game name (1–32 of a-z, 0-9, _ and -)")
        }
        switch (format, rounds) {
        case (.swiss, nil):
            throw LeagueSettingsError(.rounds, "a Swiss league needs its number of rounds")
        case (.swiss, let rounds?) where rounds < 1:
            throw LeagueSettingsError(.rounds, "the number of rounds must be at least 1")
        case (_, .some) where format != .swiss:
            throw LeagueSettingsError(.rounds, "the number of rounds is only for Swiss; \(format.rawValue) decides its own")
        default:
            break
        }
        if let runner = gauntletPlayer {
            guard format == .gauntlet else {
                throw LeagueSettingsError(.gauntletPlayer, "a gauntlet player is only for the gauntlet format, not \(format.rawValue)")
            }
            guard !runner.isEmpty, runner.utf8.count <= 64 else {
                throw LeagueSettingsError(.gauntletPlayer, "the gauntlet player must be a display name of 1–64 bytes")
            }
        }
        if let bad = gameOptions.keys.sorted().first(where: { !GameType($0).isWellFormed || $0.contains("-") }) {
            throw LeagueSettingsError(.gameOptions, "'\(bad.prefix(40))' is not an option name (1–32 of a-z, 0-9, _)")
        }
    }

    /// START_LEAGUE for a league of `players` with these settings (no `game_options` when there are none).
    public func startLeague(players: Int, seed: UInt64?) -> StartLeague {
        StartLeague(
            playerCount: players, gameType: game.rawValue, seed: seed, format: format, rounds: rounds,
            gauntletPlayer: gauntletPlayer, gameOptions: gameOptions.isEmpty ? nil : gameOptions)
    }
}

/// A ``LeagueSettings`` value that cannot be asked of a manager: which setting, and why.
public struct LeagueSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The setting at fault.
    public enum Setting: String, Sendable, Hashable {
        case game, format, rounds
        case gauntletPlayer = "gauntlet_player"
        case gameOptions = "game_options"
    }

    /// The setting at fault.
    public var setting: Setting
    /// Why, for people.
    public var message: String

    /// Creates an error.
    public init(_ setting: Setting, _ message: String) {
        self.setting = setting
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension GameType {
    /// A game as people type it on a command line: case ignored, `-` for `_` (`Connect-Four` is
    /// `connect_four`); `nil` when the result is not a well-formed name.
    public init?(argument: String) {
        let name = GameType(String(argument.lowercased().map { $0 == "-" ? "_" : $0 }))
        guard name.isWellFormed else { return nil }
        self = name
    }
}

extension LeagueFormat {
    /// A format as people type it on a command line: case ignored, `-` or `_` (`round-robin`).
    public init?(argument: String) {
        self.init(rawValue: String(argument.lowercased().map { $0 == "-" ? "_" : $0 }))
    }
}
