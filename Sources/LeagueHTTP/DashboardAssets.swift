import Foundation
import Hummingbird

/// The dashboard's files (HTML, CSS, plain JavaScript), read once at start-up from the module's resources
/// and served from memory.
struct DashboardAssets: Sendable {
    struct Asset: Sendable {
        var contentType: String
        var body: ByteBuffer
        var etag: String
    }

    /// By file name (`index.html`, `dashboard.js` …).
    let files: [String: Asset]
    /// Where they were read from, or `nil` when no folder was found.
    let folder: String?

    /// The resource folder's name inside the bundle SwiftPM copies next to the executable.
    static let bundleName = "AgentLeague_LeagueHTTP.resources"

    /// Reads the first folder that exists: `$LEAGUE_DASHBOARD_DIR`, the resource bundle next to the
    /// executable, then the sources (a development build run from elsewhere).
    static func load() -> DashboardAssets {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["LEAGUE_DASHBOARD_DIR"] { candidates.append(override) }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let executableFolder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        candidates.append(executableFolder.appendingPathComponent(bundleName).appendingPathComponent("Dashboard").path)
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent("Dashboard").path)
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Dashboard").path)
        for folder in candidates {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
                let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
            else { continue }
            var files: [String: Asset] = [:]
            for name in names {
                guard let data = FileManager.default.contents(atPath: "\(folder)/\(name)") else { continue }
                let etag = "\"\(String(Self.fnv1a(data), radix: 16))\""
                files[name] = Asset(contentType: contentType(of: name), body: ByteBuffer(bytes: data), etag: etag)
            }
            if files["index.html"] != nil { return DashboardAssets(files: files, folder: folder) }
        }
        return DashboardAssets(files: [:], folder: nil)
    }

    static func contentType(of name: String) -> String {
        switch URL(fileURLWithPath: name).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "json": "application/json; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    /// A content hash for ETags (FNV-1a, 64 bit).
    static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// The file's response, `304` when the client already has it, or a JSON 404.
    func response(for name: String, request: Request) throws(APIError) -> Response {
        guard let asset = files[name] else {
            if folder == nil {
                throw APIError(
                    .serviceUnavailable, code: "dashboard_missing", "the dashboard's files were not found next to the executable")
            }
            throw APIError(.notFound, code: "not_found", "no file \(name.prefix(60))")
        }
        if request.headers[.ifNoneMatch] == asset.etag {
            return Response(status: .notModified, headers: [.eTag: asset.etag])
        }
        return Response(
            status: .ok, headers: [.contentType: asset.contentType, .eTag: asset.etag, .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: asset.body))
    }
}
