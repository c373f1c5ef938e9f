import ZeroMQ

/// The libzmq version, for reports.
enum ZMQVersion {
    static var current: (Int, Int, Int) {
        let version = Context.version
        return (version.major, version.minor, version.patch)
    }
}
