import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Appends lines to a file and rotates it by size: when the next line would take the file past
/// `maxBytes`, `PATH` becomes `PATH.1`, `PATH.1` becomes `PATH.2`, … and `PATH.<backups>` is dropped, so
/// there are never more than `backups` old files of at most `maxBytes` each. Thread-safe.
public final class RotatingFileWriter: Sendable {
    private struct State {
        var fd: Int32
        var size: Int
    }

    public let path: String
    public let maxBytes: Int
    public let backups: Int
    private let state: Mutex<State>

    /// Opens (appending to) `path`.
    public init(path: String, maxBytes: Int, backups: Int) throws(LogFileError) {
        self.path = path
        self.maxBytes = max(64, maxBytes)
        self.backups = max(0, backups)
        let fd = try Self.open(path)
        var info = stat()
        let size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        state = Mutex(State(fd: fd, size: size))
    }

    deinit { state.withLock { _ = close($0.fd) } }

    /// Writes one line (a newline is added); a line longer than `maxBytes` is cut to fit.
    public func write(line: String) {
        var bytes = Array(line.utf8.prefix(maxBytes - 1))
        bytes.append(0x0A)
        state.withLock { state in
            if state.size > 0, state.size + bytes.count > maxBytes { rotate(&state) }
            let written = bytes.withUnsafeBytes { Glibc.write(state.fd, $0.baseAddress, $0.count) }
            if written > 0 { state.size += written }
        }
    }

    private func rotate(_ state: inout State) {
        close(state.fd)
        if backups == 0 {
            unlink(path)
        } else {
            unlink("\(path).\(backups)")
            for index in stride(from: backups - 1, through: 1, by: -1) { rename("\(path).\(index)", "\(path).\(index + 1)") }
            rename(path, "\(path).1")
        }
        state.fd = (try? Self.open(path)) ?? -1
        state.size = 0
    }

    private static func open(_ path: String) throws(LogFileError) -> Int32 {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw LogFileError(path: path, errno: errno) }
        return fd
    }
}

/// A log file could not be opened.
public struct LogFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let errno: Int32
    public var description: String { "cannot open log file \(path): \(String(cString: strerror(errno)))" }
}
