import CZeroMQ

/// A libzmq context: the I/O threads shared by the sockets made from it.
///
/// libzmq contexts are thread-safe, so the wrapper is `Sendable`. Every socket keeps its context alive, and
/// every socket is made with `LINGER=0`, so `zmq_ctx_term` in `deinit` never waits on unsent messages.
public final class Context: @unchecked Sendable {
    // @unchecked: the only stored state is the libzmq context handle, which libzmq documents as thread-safe,
    // and it is written once in init.
    let handle: UnsafeMutableRawPointer

    /// Creates a context with `ioThreads` libzmq I/O threads.
    public init(ioThreads: Int = 1) throws(ZMQError) {
        guard let handle = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
        self.handle = handle
        if ioThreads != 1 {
            try check("zmq_ctx_set(ZMQ_IO_THREADS)", zmq_ctx_set(handle, ZMQ_IO_THREADS, Int32(ioThreads)))
        }
        // Many agents in one process (benchmarks, demos) need more than the default 1023 sockets.
        _ = zmq_ctx_set(handle, ZMQ_MAX_SOCKETS, 65_535)
    }

    deinit {
        while zmq_ctx_term(handle) == -1 && zmq_errno() == EINTR {}
    }

    /// The libzmq version this process runs with, e.g. `(4, 3, 4)`.
    public static var version: (major: Int, minor: Int, patch: Int) {
        var major: Int32 = 0
        var minor: Int32 = 0
        var patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (Int(major), Int(minor), Int(patch))
    }
}
