import ArgumentParser

/// Where the store lives.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The SQLite store (created if missing).")
    var store = "invoicerun.sqlite"
}

/// Where schemas and templates come from.
struct ResourceOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Folder holding Schemas/ and Templates/ (default: found beside the executable or in the working directory, or $INVOICERUN_HOME)."
    )
    var resources: String?

    @Option(name: .long, help: "A folder of templates that override the bundled ones by name.")
    var templates: String?

    func locate() throws -> ResourceLocation {
        try ResourceLocation.find(explicit: resources)
    }
}
