import LeagueGames
import LeagueManager
import LeagueProtocol

extension ManagerPolicy {
    /// This policy, hosting every game of the built-in catalog (the manager itself knows no game).
    public func hostingBuiltInGames() -> ManagerPolicy {
        var policy = self
        policy.hostedGames.formUnion(GameCatalog.builtIn.types)
        return policy
    }
}
