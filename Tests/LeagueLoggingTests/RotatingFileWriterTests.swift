import Foundation
import LeagueLogging
import Logging
import Testing

/// Size-based rotation of log files and the JSON line format.
@Suite("Log files")
struct RotatingFileWriterTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("league-logs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("rotation keeps at most K backups of at most N bytes each, and the newest lines", arguments: [(200, 3), (500, 1), (128, 0)])
    func rotation(maxBytes: Int, backups: Int) throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("league.log").path
        let writer = try RotatingFileWriter(path: path, maxBytes: maxBytes, backups: backups)
        for index in 0..<500 { writer.write(line: "line \(index) " + String(repeating: "x", count: index % 37)) }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count <= backups + 1)
        #expect(Set(files) == Set(["league.log"] + (0..<backups).map { "league.log.\($0 + 1)" }))
        for file in files {
            let size = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.size] as? Int ?? .max
            #expect(size <= maxBytes, "\(file) has \(size) bytes")
        }
        let current = try String(contentsOfFile: path, encoding: .utf8)
        #expect(current.hasSuffix("line 499 " + String(repeating: "x", count: 499 % 37) + "\n"))
    }

    @Test("an over-long line is cut to fit")
    func longLine() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a.log").path
        let writer = try RotatingFileWriter(path: path, maxBytes: 100, backups: 1)
        writer.write(line: String(repeating: "y", count: 1_000))
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(size == 100)
    }

    @Test("an unwritable path is a clear error")
    func unwritable() {
        #expect(throws: LogFileError.self) { try RotatingFileWriter(path: "/nonexistent-dir/x.log", maxBytes: 100, backups: 1) }
    }

    @Test("each log event is one JSON object with timestamp, level, message and the metadata")
    func jsonLines() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("j.log").path
        let writer = try RotatingFileWriter(path: path, maxBytes: 10_000, backups: 1)
        var logger = Logger(label: "test") { label in JSONLogHandler(label: label, output: .file(writer)) }
        logger[metadataKey: "role"] = "referee"
        logger[metadataKey: "agent"] = "REF01"
        logger.info("match \"decided\"\nok", metadata: ["match": "R1M1", "conversation": "conv-1"])
        let line = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["level"] == "info")
        #expect(object["message"] == "match \"decided\"\nok")
        #expect(object["role"] == "referee")
        #expect(object["agent"] == "REF01")
        #expect(object["match"] == "R1M1")
        #expect(object["conversation"] == "conv-1")
        #expect(object["timestamp"]?.hasSuffix("Z") == true)
    }
}
