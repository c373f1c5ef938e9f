import LeagueManager
import LeagueProtocol

extension ManagerPolicy {
    /// This policy, hosting every game the built-in referees run (the manager itself knows no game).
    public func hostingBuiltInGames() -> ManagerPolicy {
        var policy = self
        policy.hostedGames.formUnion(["even_odd", "rps", "connect_four"])  // TEMPORARY until the game catalog lands
        return policy
    }
}
