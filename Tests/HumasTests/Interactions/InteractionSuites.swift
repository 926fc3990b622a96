import Testing

/// The interaction suites, one at a time: each opens service pools and owner connections, and
/// beside the directory suites running in parallel they would exhaust the test cluster's
/// connections.
@Suite("Interactions", .serialized)
struct InteractionSuites {}
