import CZeroMQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An error reported by libzmq, wrapped from `errno` the way NIO's `IOError` wraps system calls.
public struct ZMQError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `errno` value libzmq reported.
    public let code: Int32
    /// The libzmq call that failed, e.g. `"zmq_bind"`.
    public let operation: String

    public init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    /// Captures `zmq_errno()` for a call that just failed.
    static func last(_ operation: String) -> ZMQError {
        ZMQError(code: zmq_errno(), operation: operation)
    }

    /// The call would have blocked (`EAGAIN`): a full queue on a non-blocking send, nothing to read on a receive.
    public var wouldBlock: Bool { code == EAGAIN }
    /// A ROUTER with `ROUTER_MANDATORY` does not know the addressed peer (`EHOSTUNREACH`).
    public var hostUnreachable: Bool { code == EHOSTUNREACH }
    /// The context was terminated while the call was in progress (`ETERM`).
    public var contextTerminated: Bool { code == ETERM }
    /// A system call was interrupted by a signal (`EINTR`).
    public var interrupted: Bool { code == EINTR }

    public var description: String {
        let message = zmq_strerror(code).map { String(cString: $0) } ?? "errno \(code)"
        return "\(operation): \(message) (errno \(code))"
    }
}

/// Runs a libzmq call that returns `-1` on failure and turns the failure into a `ZMQError`.
@discardableResult
@inline(__always)
func check(_ operation: @autoclosure () -> String, _ result: Int32) throws(ZMQError) -> Int32 {
    if result == -1 { throw ZMQError.last(operation()) }
    return result
}
