internal import CLibXML2

/// One-time process setup of libxml2: initialisation, silence on stderr, and the hardened loader.
public enum XMLLibrary {
    /// Swift runs a `static let` initialiser exactly once, even when threads race to it.
    private static let setUp: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader(HardenedEntityLoader.loader)
        // Threads that touch libxml2 later start with silent handlers; threads that already have
        // libxml2 globals are silenced each time this module calls in on them.
        invoicerun_silenceGenericErrorsForNewThreads()
        xmlThrDefSetStructuredErrorFunc(nil, DiagnosticCollector.discardingHandler)
        invoicerun_silenceGenericErrors()
        xmlSetStructuredErrorFunc(nil, DiagnosticCollector.discardingHandler)
    }()

    /// Initialises libxml2 and installs the hardened external entity loader; idempotent and thread safe.
    ///
    /// Every reader and schema calls this itself, but call it once before starting threads that
    /// use libxml2 directly, as libxml2 asks for `xmlInitParser` to run before concurrent use.
    public static func initialize() {
        setUp
    }
}
