import LeagueOperator
import LeagueProtocol
import Testing

@Suite("League settings: games, formats and their parameters")
struct LeagueSettingsTests {
    @Test(
        "games as typed on a command line",
        arguments: [("connect-four", "connect_four"), ("Connect_Four", "connect_four"), ("rps", "rps"), ("EVEN-ODD", "even_odd")])
    func gameArguments(text: String, name: String) {
        #expect(GameType(argument: text) == GameType(name))
    }

    @Test("malformed game names are refused")
    func badGames() {
        for text in ["", "go!", "connect four", String(repeating: "a", count: 33), "échecs"] {
            #expect(GameType(argument: text) == nil, "\(text)")
        }
    }

    @Test("formats with - or _ and any case")
    func formatArguments() {
        #expect(LeagueFormat(argument: "round-robin") == .roundRobin)
        #expect(LeagueFormat(argument: "double_round_robin") == .doubleRoundRobin)
        #expect(LeagueFormat(argument: "Double-Round-Robin") == .doubleRoundRobin)
        #expect(LeagueFormat(argument: "SWISS") == .swiss)
        #expect(LeagueFormat(argument: "knockout") == .knockout)
        #expect(LeagueFormat(argument: "gauntlet") == .gauntlet)
        #expect(LeagueFormat(argument: "single-elimination") == nil)
    }

    @Test("what is accepted")
    func valid() throws {
        try LeagueSettings().validate()
        try LeagueSettings(game: "connect_four", format: .swiss, rounds: 5).validate()
        try LeagueSettings(game: "rps", format: .knockout, gameOptions: ["best_of": 5]).validate()
        try LeagueSettings(format: .gauntlet, gauntletPlayer: "ann").validate()
        try LeagueSettings(format: .gauntlet).validate()
        try LeagueSettings(format: .doubleRoundRobin).validate()
    }

    @Test(
        "what is refused, and which setting is at fault",
        arguments: [
            (LeagueSettings(format: .swiss), LeagueSettingsError.Setting.rounds),
            (LeagueSettings(format: .swiss, rounds: 0), .rounds),
            (LeagueSettings(rounds: 3), .rounds),
            (LeagueSettings(format: .knockout, rounds: 3), .rounds),
            (LeagueSettings(gauntletPlayer: "ann"), .gauntletPlayer),
            (LeagueSettings(format: .gauntlet, gauntletPlayer: ""), .gauntletPlayer),
            (LeagueSettings(game: "Go!"), .game),
            (LeagueSettings(gameOptions: ["best-of": 3]), .gameOptions),
            (LeagueSettings(gameOptions: ["": 3]), .gameOptions),
        ])
    func invalid(settings: LeagueSettings, setting: LeagueSettingsError.Setting) {
        #expect(throws: LeagueSettingsError.self) { try settings.validate() }
        do {
            try settings.validate()
        } catch {
            #expect(error.setting == setting, "\(error.message)")
            #expect(!error.message.isEmpty)
        }
    }

    @Test("START_LEAGUE carries every setting; no game_options when there are none")
    func startLeague() {
        let swiss = LeagueSettings(game: "connect_four", format: .swiss, rounds: 5).startLeague(players: 16, seed: 9)
        #expect(
            swiss
                == StartLeague(
                    playerCount: 16, gameType: "connect_four", seed: 9, format: .swiss, rounds: 5, gauntletPlayer: nil, gameOptions: nil))
        let rps = LeagueSettings(game: "rps", format: .gauntlet, gauntletPlayer: "ann", gameOptions: ["best_of": 3]).startLeague(
            players: 4, seed: nil)
        #expect(rps.gauntletPlayer == "ann" && rps.gameOptions == ["best_of": 3] && rps.format == .gauntlet && rps.seed == nil)
        #expect(LeagueSettings().startLeague(players: 4, seed: nil).format == .roundRobin)
    }
}
