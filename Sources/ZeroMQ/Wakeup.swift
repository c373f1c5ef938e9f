import CZeroMQ

#if canImport(Glibc)
    import Glibc
#endif

/// A Linux `eventfd` that other threads write to wake an ``EventLoop`` blocked in `zmq_poll`.
///
/// Writing and reading an eventfd are single system calls and thread-safe, so this type is `Sendable`.
final class Wakeup: @unchecked Sendable {
    // @unchecked: `fd` is written once in init and only read afterwards; eventfd reads and writes are
    // atomic system calls, safe from any thread.
    let fd: Int32

    init() throws(ZMQError) {
        let fd = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        if fd == -1 { throw ZMQError(code: errno, operation: "eventfd") }
        self.fd = fd
    }

    deinit { Glibc.close(fd) }

    /// Makes the fd readable; cheap and safe to call from any thread, any number of times.
    func signal() {
        var one: UInt64 = 1
        _ = write(fd, &one, MemoryLayout<UInt64>.size)
    }

    /// Resets the fd after it was seen readable.
    func drain() {
        var value: UInt64 = 0
        _ = read(fd, &value, MemoryLayout<UInt64>.size)
    }
}
