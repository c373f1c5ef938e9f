import Foundation
import Synchronization

/// Progress on stderr while a bench runs: one line rewritten in place on a terminal, a line every few
/// seconds otherwise.
public final class BenchProgressLine: Sendable {
    private let interactive = isatty(STDERR_FILENO) == 1
    private let lastPlain = Mutex<UInt64>(0)

    public init() {}

    /// Shows how far the run has got.
    public func update(_ progress: BenchProgress) {
        let text =
            progress.phase == "raw-relay"
            ? "raw relay: running"
            : "league: \(progress.leaguesDone)/\(progress.leagues) leagues, \(progress.matchesDone) matches, "
                + "\(BenchOutput.fixed(progress.matchesPerSecond, 0)) matches/s, \(BenchOutput.fixed(progress.seconds, 1)) s"
        if interactive {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        } else {
            let now = UInt64(Date().timeIntervalSince1970)
            let due = lastPlain.withLock { last in
                guard progress.phase == "raw-relay" || now >= last + 5 else { return false }
                last = now
                return true
            }
            if due { FileHandle.standardError.write(Data("\(text)\n".utf8)) }
        }
    }

    /// Ends the progress line.
    public func finish() {
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// A line of its own.
    public func note(_ text: String) {
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        FileHandle.standardError.write(Data("\(text)\n".utf8))
    }
}
