import LeagueFormats
import Testing

/// The circle-method schedule: its properties, and that it is exactly the League Manager's old one.
@Suite("RoundRobin")
struct RoundRobinTests {
    @Test("every pair meets exactly once, nobody plays twice in a round, byes only for odd N", arguments: 2...33)
    func validRoundRobin(count: Int) {
        let rounds = RoundRobin.rounds(count: count)
        #expect(rounds.count == (count % 2 == 0 ? count - 1 : count))
        #expect(rounds.count == RoundRobin.roundCount(count))
        var pairs: [Set<Int>: Int] = [:]
        var sittingOut = Array(repeating: 0, count: count)
        for round in rounds {
            var seen = Set<Int>()
            for pairing in round {
                #expect(pairing.a != pairing.b)
                #expect((0..<count).contains(pairing.a) && (0..<count).contains(pairing.b))
                #expect(seen.insert(pairing.a).inserted, "player \(pairing.a) twice in a round")
                #expect(seen.insert(pairing.b).inserted, "player \(pairing.b) twice in a round")
                pairs[pairing.players, default: 0] += 1
            }
            #expect(round.count == count / 2)
            for player in 0..<count where !seen.contains(player) { sittingOut[player] += 1 }
        }
        #expect(pairs.count == count * (count - 1) / 2)
        #expect(pairs.values.allSatisfy { $0 == 1 })
        #expect(sittingOut.allSatisfy { $0 == (count % 2 == 0 ? 0 : 1) })
    }

    @Test("sides are balanced: nobody is PLAYER_A more than about half the time", arguments: [4, 8, 9, 32])
    func balancedSides(count: Int) {
        var asA = Array(repeating: 0, count: count)
        for round in RoundRobin.rounds(count: count) { for pairing in round { asA[pairing.a] += 1 } }
        let games = count - 1
        #expect(asA.allSatisfy { abs($0 * 2 - games) <= games / 2 + 2 })
    }

    @Test("fewer than two players give no rounds")
    func degenerate() {
        #expect(RoundRobin.rounds(count: 0).isEmpty)
        #expect(RoundRobin.rounds(count: 1).isEmpty)
        #expect(RoundRobin.roundCount(1) == 0)
    }

    @Test("small leagues schedule exactly as the League Manager did")
    func managerScheduleSmall() {
        #expect(Self.text(RoundRobin.rounds(count: 2)) == "0-1")
        #expect(Self.text(RoundRobin.rounds(count: 3)) == "2-1|2-0|0-1")
        #expect(Self.text(RoundRobin.rounds(count: 4)) == "0-3 2-1|2-0 1-3|0-1 3-2")
        #expect(Self.text(RoundRobin.rounds(count: 5)) == "4-1 2-3|4-0 1-2|0-3 2-4|2-0 1-3|0-1 3-4")
    }

    @Test("every league size schedules exactly as the League Manager did", arguments: 2...33)
    func managerSchedule(count: Int) throws {
        let expected = try #require(Self.managerDigests[count])
        #expect(Self.fnv1a(Self.text(RoundRobin.rounds(count: count))) == expected)
    }

    /// A schedule as text: `a-b` pairings (PLAYER_A first) separated by spaces, rounds by `|`.
    static func text(_ rounds: [[Pairing]]) -> String {
        rounds.map { $0.map { "\($0.a)-\($0.b)" }.joined(separator: " ") }.joined(separator: "|")
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// FNV-1a of ``text(_:)`` for the schedule of `RoundRobin.rounds(count:)` in Sources/LeagueManager/RoundRobin.swift
    /// (commit 6257547), computed from that file: the manager's schedule, pairing for pairing and seat for seat.
    static let managerDigests: [Int: UInt64] = [
        2: 0x4E1C_6518_1D0D_3D55, 3: 0x6C0D_7373_64D4_396E, 4: 0x3AF4_8619_ECDD_91EB, 5: 0x166E_81C8_26EC_F7AF,
        6: 0x17E8_2374_509D_F1D9, 7: 0xB455_2F82_391D_6452, 8: 0x9FAC_3A9E_6652_98F7, 9: 0xD20B_3BF4_612D_857F,
        10: 0xDEBB_696C_72C5_0ABD, 11: 0x8E66_55BB_2419_C6C0, 12: 0xE63E_38CC_C909_F6AD, 13: 0x73C1_3791_D774_4BE7,
        14: 0xF069_B22A_C351_33EF, 15: 0x17F2_8675_BB30_ACC0, 16: 0xAD17_0CEB_2B15_3C17, 17: 0xAB1E_7327_8773_C1CF,
        18: 0x766B_D499_F1CE_40C9, 19: 0xC9BA_0A23_8B7F_C9B4, 20: 0x8CAB_785B_B9F3_8159, 21: 0xC8FC_E17A_3724_FF85,
        22: 0x814F_06EA_7AB4_79BF, 23: 0xD225_E9EB_6041_4364, 24: 0x24EB_C107_2A96_874F, 25: 0x85CD_FE6E_33C7_26AD,
        26: 0x6815_9AA3_14A5_F155, 27: 0xD07A_CA9A_6A64_7B04, 28: 0xF2F8_BF0C_1EA4_30AD, 29: 0xC1DF_08DF_7369_88F9,
        30: 0x9BCC_CED2_D2B7_5E9B, 31: 0x4F26_4FD5_28A1_E4E6, 32: 0x3E32_A227_A669_2E6D, 33: 0xE45B_C51C_95D0_46ED,
    ]
}

/// Round robin and double round robin through the protocol.
@Suite("Round robin formats")
struct RoundRobinFormatTests {
    @Test("round robin: the circle-method rounds, every unordered pair once, nobody listed as a bye", arguments: 2...33)
    func roundRobin(entrants: Int) {
        let played = Simulation.run(RoundRobinFormat(), entrants: entrants)
        #expect(played.map(\.round.pairings) == RoundRobin.rounds(count: entrants))
        let pairs = played.flatMap(\.round.pairings).map(\.players)
        #expect(pairs.count == entrants * (entrants - 1) / 2 && Set(pairs).count == pairs.count)
        #expect(played.allSatisfy { $0.round.bye == nil })
    }

    @Test("double round robin: every ordered pair once, the second half the first with seats swapped", arguments: 2...33)
    func doubleRoundRobin(entrants: Int) {
        let played = Simulation.run(DoubleRoundRobinFormat(), entrants: entrants)
        let pairings = played.flatMap(\.round.pairings)
        let ordered = Set(pairings.map { [$0.a, $0.b] })
        #expect(pairings.count == entrants * (entrants - 1) && ordered.count == pairings.count)
        let half = RoundRobin.roundCount(entrants)
        let first = played.prefix(half).map(\.round.pairings)
        let second = played.dropFirst(half).map { $0.round.pairings.map { Pairing(a: $0.b, b: $0.a) } }
        #expect(first == RoundRobin.rounds(count: entrants) && second == first)
        #expect(played.allSatisfy { $0.round.bye == nil })
    }

    @Test("everything is scheduled at the start; asked again, only what is not yet played")
    func allAtOnce() {
        let format = DoubleRoundRobinFormat()
        let all = format.nextRounds(entrants: 6, played: [])
        #expect(all.count == 10)
        let firstThree = all.prefix(3).map { PlayedRound(round: $0, matches: []) }
        #expect(format.nextRounds(entrants: 6, played: firstThree) == Array(all.dropFirst(3)))
        #expect(RoundRobinFormat().nextRounds(entrants: 6, played: all.prefix(5).map { PlayedRound(round: $0, matches: []) }).isEmpty)
    }
}
