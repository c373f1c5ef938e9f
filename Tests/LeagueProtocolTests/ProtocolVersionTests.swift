import LeagueProtocol
import Testing

/// `ProtocolVersion.isSupported` accepts dotted versions from 2.0.0 up and rejects older or unparsable ones.
@Suite struct ProtocolVersionTests {
    @Test(arguments: ["2.1.0", "2.0.0", "2", "2.0", "3.0", "10.0.0", "2.0.1"])
    func supported(version: String) {
        #expect(ProtocolVersion.isSupported(version))
    }

    @Test(arguments: ["1.9.9", "1", "0.0.1", "", "abc", "2.x", "v2", "2.0.0-beta", ".", "1.99.99"])
    func unsupported(version: String) {
        #expect(!ProtocolVersion.isSupported(version))
    }

    @Test func ownVersionsAreSupported() {
        #expect(ProtocolVersion.isSupported(ProtocolVersion.current))
        #expect(ProtocolVersion.isSupported(ProtocolVersion.minimum))
    }
}
