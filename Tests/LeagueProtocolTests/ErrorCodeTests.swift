import LeagueProtocol
import Testing

/// `ErrorCode` raw values follow league.v2 and every code and name is distinct.
@Suite struct ErrorCodeTests {
    @Test(arguments: [
        (ErrorCode.timeout, "E001", "TIMEOUT_ERROR"),
        (.missingRequiredField, "E003", "MISSING_REQUIRED_FIELD"),
        (.invalidParityChoice, "E004", "INVALID_PARITY_CHOICE"),
        (.playerNotRegistered, "E005", "PLAYER_NOT_REGISTERED"),
        (.connectionError, "E009", "CONNECTION_ERROR"),
        (.authTokenMissing, "E011", "AUTH_TOKEN_MISSING"),
        (.authTokenInvalid, "E012", "AUTH_TOKEN_INVALID"),
        (.protocolVersionMismatch, "E018", "PROTOCOL_VERSION_MISMATCH"),
        (.invalidTimestamp, "E021", "INVALID_TIMESTAMP"),
    ])
    func leagueV2Codes(code: ErrorCode, raw: String, name: String) {
        #expect(code.rawValue == raw)
        #expect(code.name == name)
        #expect(ErrorCode(rawValue: raw) == code)
    }

    @Test func codesAndNamesAreUnique() {
        let all = ErrorCode.allCases
        #expect(Set(all.map(\.rawValue)).count == all.count)
        #expect(Set(all.map(\.name)).count == all.count)
    }

    @Test func ourCodesAreInTheE1xxRange() {
        for code in ErrorCode.allCases {
            let number = Int(code.rawValue.dropFirst())
            #expect(code.rawValue.hasPrefix("E") && code.rawValue.count == 4 && number != nil)
            #expect((number ?? 0) <= 21 || (100...199).contains(number ?? 0))
        }
    }

    @Test func protocolErrorDescriptionCarriesCodeNameAndDetail() {
        let error = ProtocolError(.invalidParityChoice, "got banana")
        #expect(error.description == "E004 INVALID_PARITY_CHOICE: got banana")
    }
}
