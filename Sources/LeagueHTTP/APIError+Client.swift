import Hummingbird
import LeagueOperator
import LeagueProtocol

extension APIError {
    /// The HTTP answer to an operator request the manager refused or did not answer.
    static func from(_ error: LeagueClientError, matchID: String? = nil) -> APIError {
        switch error {
        case .timeout:
            return APIError(.gatewayTimeout, code: "manager_timeout", "the manager did not answer in time")
        case .closed:
            return APIError(.serviceUnavailable, code: "manager_unavailable", "the connection to the manager is closed")
        case .rejected(let code, let description):
            switch code {
            case .matchNotFound: return matchID.map(APIError.matchNotFound) ?? APIError(.notFound, code: "match_not_found", description)
            case .leagueNotFound: return APIError(.notFound, code: "league_not_found", description)
            case .invalidFieldValue, .missingRequiredField: return APIError.invalidField(description)
            case .storageError: return APIError(.serviceUnavailable, code: "store_unavailable", description)
            default: return APIError(.badGateway, code: "manager_error", "\(code.rawValue) \(code.name): \(description)")
            }
        case .refused(let reason):
            if reason.contains("E106") { return APIError(.notFound, code: "league_not_found", reason) }
            if let matchID { return APIError.matchNotFound(matchID) }
            return APIError(.conflict, code: "refused", reason)
        case .unexpectedReply, .invalidReply:
            return APIError(.badGateway, code: "manager_error", "the manager's answer could not be read")
        }
    }
}
