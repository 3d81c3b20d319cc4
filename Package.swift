// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "InvoiceRun",
    products: [
        .executable(name: "invoicerun", targets: ["invoicerun"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "XMLSupport", dependencies: ["CLibXML2"], swiftSettings: swiftSettings),
        .target(name: "InvoicingCore", swiftSettings: swiftSettings),
        .target(
            name: "InvoiceStore",
            dependencies: [
                "InvoicingCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Importers", dependencies: ["InvoicingCore", "XMLSupport", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings),
        .target(
            name: "Exporters",
            dependencies: ["InvoicingCore", "XMLSupport", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        // The inbox/processing/done/error life cycle of files (`invoicerun watch`), with crash safety.
        .target(name: "DropFolder", swiftSettings: swiftSettings),
        .executableTarget(
            name: "invoicerun",
            dependencies: [
                "DropFolder", "InvoicingCore", "InvoiceStore", "Importers", "Exporters", "XMLSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // libFuzzer driver for every reader of outside input (see scripts/fuzz); a file replayer otherwise.
        .executableTarget(name: "fuzz", dependencies: ["Importers"], swiftSettings: swiftSettings),
        .testTarget(name: "InvoicingCoreTests", dependencies: ["InvoicingCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "XMLSupportTests", dependencies: ["XMLSupport"], exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ImportersTests", dependencies: ["Importers"], exclude: ["FuzzRegressions"], swiftSettings: swiftSettings),
        .testTarget(name: "DropFolderTests", dependencies: ["DropFolder"], swiftSettings: swiftSettings),
        .testTarget(name: "InvoiceStoreTests", dependencies: ["InvoiceStore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ExportersTests", dependencies: ["Exporters", "XMLSupport"], exclude: ["Fixtures", "Expected"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "InvoiceRunTests",
            dependencies: ["invoicerun", "InvoicingCore", "InvoiceStore", "Importers", "Exporters", "XMLSupport"],
            exclude: ["Expected"],
            swiftSettings: swiftSettings
        ),
    ]
)
