/// Why a bench run could not be carried out.
public enum BenchError: Error, CustomStringConvertible {
    case invalidScenario(String)
    case processFailed(String)

    /// What went wrong, for the terminal.
    public var description: String {
        switch self {
        case .invalidScenario(let reason): "invalid scenario: \(reason)"
        case .processFailed(let reason): "a role's process failed: \(reason)"
        }
    }
}
