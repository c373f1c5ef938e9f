#if canImport(Glibc)
    import Glibc
#endif

/// Process limits a large bench needs.
public enum BenchLimits {
    /// Raises the open-file limit as far as allowed: 10,000 players over tcp need more than 20,000
    /// descriptors (a connection and a mailbox each). Children inherit the limit.
    public static func raiseOpenFiles(to wanted: UInt = 1 << 17) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        var raised = limit
        raised.rlim_max = max(limit.rlim_max, rlim_t(wanted))
        raised.rlim_cur = raised.rlim_max
        if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) != 0 {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
    }
}
