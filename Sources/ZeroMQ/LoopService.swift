/// Something an ``EventLoop`` drives: it owns sockets and reacts to them, to timers and to wake-ups.
///
/// A service is created by its factory on the loop's thread and used only there, so it needs no locks and
/// is not `Sendable`. Code outside the loop reaches it through `Sendable` state it was given at creation
/// (a queue behind a `Mutex`, say) followed by ``EventLoop/wake()``.
public protocol LoopService: AnyObject {
    /// The sockets the loop polls for this service; read after the factory returns and whenever
    /// ``socketGeneration`` changes.
    var sockets: [Socket] { get }
    /// Bump this after replacing a socket (a reconnect) so the loop polls the new one.
    var socketGeneration: Int { get }
    /// `sockets[index]` has a message. Read without blocking; leaving some for the next turn is fine.
    func readable(socket index: Int, now: UInt64)
    /// The earliest time this service wants ``fireTimers(now:)``, or `nil` for none.
    var nextDeadline: UInt64? { get }
    /// Runs the work that is due at `now`.
    func fireTimers(now: UInt64)
    /// ``EventLoop/wake()`` was called: look at any input handed over from other threads.
    func woken(now: UInt64)
    /// The loop is stopping: finish up and close the sockets.
    func shutdown()
}

extension LoopService {
    public var socketGeneration: Int { 0 }
    public var nextDeadline: UInt64? { nil }
    public func fireTimers(now: UInt64) {}
    public func woken(now: UInt64) {}
    public func shutdown() {
        for socket in sockets { socket.close() }
    }
}
