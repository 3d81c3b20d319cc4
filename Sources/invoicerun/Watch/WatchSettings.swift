import DropFolder
import InvoicingCore

/// Everything `invoicerun watch` was told.
struct WatchSettings {
    var layout: DropFolderLayout
    var settle: Double
    var requireMarkers: Bool
    var rescanInterval: Double
    var retryInterval: Double
    var minimumFreeBytes: Int64
    var trigger: InvoicingTrigger
    var process: String
    /// A fixed run date; nil: today (UTC) at each run.
    var runDate: CalendarDate?
    var enabledFunctions: Set<InvoicingFunction>
    var disabledFunctions: Set<InvoicingFunction>
    /// Process what is complete, then stop (instead of watching).
    var once: Bool
}
