import CZeroMQ

/// The ZeroMQ socket patterns this project uses.
public enum SocketType: Sendable, Hashable {
    case router
    case dealer
    case pair

    var rawValue: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .pair: ZMQ_PAIR
        }
    }
}
