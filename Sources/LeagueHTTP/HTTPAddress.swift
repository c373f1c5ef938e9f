import Foundation

/// Where the manager serves HTTP: `HOST:PORT`, `[IPV6]:PORT`, or nowhere (`off`).
public struct HTTPAddress: Sendable, Hashable, CustomStringConvertible {
    /// A host name or an IPv4/IPv6 address (without brackets).
    public var host: String
    /// The TCP port; 0 asks the system for a free one (the bound port is printed once listening).
    public var port: Int

    /// `127.0.0.1:8080`.
    public static let standard = HTTPAddress(host: "127.0.0.1", port: 8080)

    /// Creates an address from its parts.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT` or `[IPV6]:PORT`; `off` (or `none`) gives `nil`, meaning no HTTP server.
    public static func parse(_ text: String) throws(HTTPAddressError) -> HTTPAddress? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if ["off", "none", "no", "false"].contains(trimmed.lowercased()) { return nil }
        let host: Substring
        let portText: Substring
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else {
                throw HTTPAddressError(text: text, reason: "missing ']' after the IPv6 address")
            }
            host = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
            let rest = trimmed[trimmed.index(after: close)...]
            guard rest.hasPrefix(":") else { throw HTTPAddressError(text: text, reason: "expected ':PORT' after ']'") }
            portText = rest.dropFirst()
        } else {
            guard let colon = trimmed.lastIndex(of: ":") else { throw HTTPAddressError(text: text, reason: "expected HOST:PORT or off") }
            host = trimmed[..<colon]
            portText = trimmed[trimmed.index(after: colon)...]
            guard !host.contains(":") else { throw HTTPAddressError(text: text, reason: "write IPv6 addresses as [ADDRESS]:PORT") }
        }
        guard !host.isEmpty else { throw HTTPAddressError(text: text, reason: "the host is empty") }
        guard let port = Int(portText), (0...65_535).contains(port) else {
            throw HTTPAddressError(text: text, reason: "the port must be a number from 0 to 65535")
        }
        return HTTPAddress(host: String(host), port: port)
    }

    /// `HOST:PORT`, with brackets around an IPv6 host.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// An `--http` value that is not `HOST:PORT` or `off`.
public struct HTTPAddressError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was given.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    /// Creates the error.
    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    /// What is wrong, for people.
    public var description: String { "invalid HTTP address '\(text)': \(reason)" }
}
