import CZeroMQ

/// One libzmq socket.
///
/// A ZeroMQ socket is not thread-safe, so `Socket` is deliberately not `Sendable`: the compiler refuses to
/// move it to another isolation domain. In this project every socket is created inside the thread of the
/// ``EventLoop`` that polls it and is closed there, so exactly one thread ever touches it.
///
/// Sockets are created with `LINGER=0`, so closing never waits for unsent messages and context termination
/// cannot hang.
public final class Socket {
    let handle: UnsafeMutableRawPointer
    /// The pattern of this socket.
    public let type: SocketType
    private let context: Context  // keeps the context alive until the socket is closed
    private var isClosed = false

    /// Creates a socket of `type` in `context`.
    public init(_ context: Context, type: SocketType) throws(ZMQError) {
        guard let handle = zmq_socket(context.handle, type.rawValue) else { throw ZMQError.last("zmq_socket") }
        self.handle = handle
        self.type = type
        self.context = context
        try set(.linger(milliseconds: 0))
    }

    deinit { close() }

    /// Binds to `endpoint` (`tcp://HOST:PORT`, `tcp://HOST:*`, `ipc://PATH`, `inproc://NAME`).
    public func bind(_ endpoint: String) throws(ZMQError) {
        try check("zmq_bind(\(endpoint))", zmq_bind(handle, endpoint))
    }

    /// Connects to `endpoint`; libzmq reconnects by itself when the link drops.
    public func connect(_ endpoint: String) throws(ZMQError) {
        try check("zmq_connect(\(endpoint))", zmq_connect(handle, endpoint))
    }

    /// The endpoint this socket last bound or connected to, with a wildcard port resolved.
    public var lastEndpoint: String {
        var buffer = [CChar](repeating: 0, count: 1024)
        var size = buffer.count
        guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else { return "" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sends a multipart message: `head` (when given) followed by `frames`.
    ///
    /// - Parameter blocking: `false` (the default) sends with `ZMQ_DONTWAIT`, so a full peer is an error
    ///   (`wouldBlock`) rather than a stall.
    /// - Throws: ``ZMQError``; on a ROUTER with `ROUTER_MANDATORY`, `hostUnreachable` for an unknown peer.
    public func send(head: [UInt8]? = nil, _ frames: [[UInt8]], blocking: Bool = false) throws(ZMQError) {
        let baseFlags: Int32 = blocking ? 0 : ZMQ_DONTWAIT
        let total = frames.count + (head == nil ? 0 : 1)
        var index = 0
        if let head {
            try sendFrame(head, flags: baseFlags | (total > 1 ? ZMQ_SNDMORE : 0))
            index += 1
        }
        for frame in frames {
            index += 1
            try sendFrame(frame, flags: baseFlags | (index < total ? ZMQ_SNDMORE : 0))
        }
    }

    @inline(__always)
    private func sendFrame(_ frame: [UInt8], flags: Int32) throws(ZMQError) {
        let result = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
        if result == -1 { throw ZMQError.last("zmq_send") }
    }

    /// Receives one whole multipart message.
    ///
    /// - Parameter blocking: `false` (the default) returns `nil` at once when nothing is queued.
    public func receive(blocking: Bool = false) throws(ZMQError) -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        var flags: Int32 = blocking ? 0 : ZMQ_DONTWAIT
        while true {
            if zmq_msg_recv(&message, handle, flags) == -1 {
                let error = ZMQError.last("zmq_msg_recv")
                if frames.isEmpty && error.wouldBlock { return nil }
                throw error
            }
            let size = zmq_msg_size(&message)
            if let data = zmq_msg_data(&message), size > 0 {
                frames.append([UInt8](UnsafeRawBufferPointer(start: data, count: size)))
            } else {
                frames.append([])
            }
            if zmq_msg_more(&message) == 0 { return frames }
            flags = 0  // the rest of a multipart message is already here: libzmq delivers it atomically
        }
    }

    /// Closes the socket; later calls do nothing.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        zmq_close(handle)
    }
}
