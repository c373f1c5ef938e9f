import Foundation
import LeagueTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One Server-Sent Events record.
struct SSERecord: Sendable {
    var event: String
    var data: String
    var object: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] }
}

/// Reads `GET /api/events` as it streams, record by record, into a mailbox.
final class EventStreamReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    // @unchecked: `pending` and `status` are only touched from the session's serial delegate queue.
    let records = Mailbox<SSERecord>()
    let opened = Mailbox<Int>()
    /// Receives one value when the connection ends.
    let ended = Mailbox<Bool>()
    private var pending = ""
    private var session: URLSession?
    private var task: URLSessionDataTask?

    init(url: URL) {
        super.init()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 120
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
        self.session = session
        task = session.dataTask(with: url)
        task?.resume()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        opened.put((response as? HTTPURLResponse)?.statusCode ?? 0)
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        pending += String(decoding: data, as: UTF8.self)
        while let end = pending.range(of: "\n\n") {
            let block = pending[pending.startIndex..<end.lowerBound]
            pending = String(pending[end.upperBound...])
            var event = "message"
            var lines: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("event: ") { event = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { lines.append(String(line.dropFirst(6))) }
            }
            if !lines.isEmpty { records.put(SSERecord(event: event, data: lines.joined(separator: "\n"))) }
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        records.close()
        ended.put(true)
    }

    /// Waits for the first record of type `event`, skipping others (they stay drained).
    func next(_ event: String, within seconds: Double) async -> SSERecord? {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        while ContinuousClock.now < deadline {
            guard let record = await records.take(within: 0.2) else { continue }
            if record.event == event { return record }
        }
        return nil
    }

    func close() {
        task?.cancel()
        session?.invalidateAndCancel()
    }
}
