import LeagueProtocol
import Testing

/// `Timestamp` formats epoch milliseconds as league.v2 UTC strings and recognises valid UTC timestamps.
@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (Int64(1), "1970-01-01T00:00:00.001Z"),
        (Int64(999), "1970-01-01T00:00:00.999Z"),
        (Int64(1_795_839_886_123), "2026-11-28T04:24:46.123Z"),
        (Int64(1_772_323_199_999), "2026-02-28T23:59:59.999Z"),
        (Int64(1_709_208_000_000), "2024-02-29T12:00:00.000Z"),
        (Int64(1_767_225_600_050), "2026-01-01T00:00:00.050Z"),
    ])
    func formatsKnownInstants(milliseconds: Int64, expected: String) {
        let text = Timestamp.format(epochMilliseconds: milliseconds)
        #expect(text == expected)
        #expect(Timestamp.isValidUTC(text))
    }

    @Test func nowIsValidUTC() {
        let now = Timestamp.now()
        #expect(Timestamp.isValidUTC(now))
        #expect(now.utf8.count == 24)
        #expect(now.hasPrefix("20"))
    }

    @Test(arguments: ["2026-11-28T04:24:46Z", "2026-11-28T04:24:46.123Z", "2026-11-28T04:24:46+00:00", "2026-11-28T04:24:46.123456+00:00"])
    func acceptsUTC(text: String) {
        #expect(Timestamp.isValidUTC(text))
    }

    @Test(arguments: [
        "2026-11-28T04:24:46+02:00", "2026-11-28T04:24:46-00:00", "2026-11-28T04:24:46", "2026-11-28T04:24:46.123",
        "2026-11-28", "", "Z", "garbage garbage garbageZ", "2026/11/28T04:24:46Z", "2026-11-28T04-24-46Z",
        "2026-11-28t04:24:46Z", "2026-11-28T04:24:46.1234567890123456789012Z",
    ])
    func rejectsNonUTCAndGarbage(text: String) {
        #expect(!Timestamp.isValidUTC(text))
    }
}

/// `isValidUTC` must reject text that only looks like UTC at its ends: a local offset with a `Z` appended,
/// junk between the seconds and the zone, and out-of-range fields are not ISO-8601 UTC.
@Suite struct TimestampStrictnessTests {
    @Test(arguments: [
        "2026-11-28T04:24:46+02:00Z", "2026-11-28T04:24:46 junk Z", "2026-11-28T04:24:46.12a4Z",
        "2026-13-28T04:24:46Z", "2026-11-32T04:24:46Z", "2026-11-28T24:24:46Z", "2026-11-28T04:60:46Z",
        "2026-99-99T99:99:99Z",
    ])
    func rejectsLookalikes(text: String) {
        #expect(!Timestamp.isValidUTC(text))
    }
}
