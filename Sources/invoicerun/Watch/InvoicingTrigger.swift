/// When the watcher runs invoicing (M3 distinguishes immediate and automatic invoicing).
enum InvoicingTrigger: Equatable, CustomStringConvertible {
    /// Right after each file, for the contract accounts in it.
    case immediate
    /// Every day at this time (UTC), for every account.
    case daily(hour: Int, minute: Int)
    /// Every so many seconds, for every account.
    case every(seconds: Double)
    /// Never: import only.
    case none

    var description: String {
        switch self {
        case .immediate: return "immediate"
        case .daily(let hour, let minute):
            return "daily at \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute) UTC"
        case .every(let seconds): return "every \(Int(seconds)) s"
        case .none: return "none"
        }
    }

    /// The first time after `now` (seconds since the epoch) a scheduled run is due; nil if unscheduled.
    func nextRun(after now: Double) -> Double? {
        switch self {
        case .immediate, .none: return nil
        case .every(let seconds): return now + seconds
        case .daily(let hour, let minute):
            let day = (now / 86_400).rounded(.down) * 86_400
            let today = day + Double(hour * 3600 + minute * 60)
            return today > now ? today : today + 86_400
        }
    }
}
