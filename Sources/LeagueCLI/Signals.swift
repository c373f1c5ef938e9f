import Dispatch
import Foundation
import ZeroMQ

/// Runs until SIGINT or SIGTERM, then stops `loops` and waits for them: the process exits 0.
func runUntilSignalled(_ loops: [EventLoop]) async {
    signal(SIGINT, SIG_IGN)
    signal(SIGTERM, SIG_IGN)
    let sources = [SIGINT, SIGTERM].map { number in
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { for loop in loops { loop.stop() } }
        source.resume()
        return source
    }
    for loop in loops { await loop.waitUntilStopped() }
    for source in sources { source.cancel() }
}
