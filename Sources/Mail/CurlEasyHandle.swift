import CCurl
import Foundation

// curl_global_init is not thread-safe and must run before any other libcurl call; a global
// `let` is initialized exactly once, atomically, on first use.
private let curlGlobalInitCode: UInt32 = curl_global_init(humas_curl_global_default).rawValue

/// One libcurl easy handle with its error buffer. Not thread-safe: one thread uses it.
///
/// libcurl keeps the handle's connection open between transfers, which is how one session
/// sends many messages over one SMTP connection.
final class CurlEasyHandle {
    let handle: UnsafeMutableRawPointer
    /// curl's detailed message for the last failed transfer (CURLOPT_ERRORBUFFER).
    private let errorBuffer: UnsafeMutablePointer<CChar>

    init() throws(SMTPConnectionError) {
        guard curlGlobalInitCode == CURLE_OK.rawValue else {
            throw SMTPConnectionError(kind: .protocol, description: "libcurl could not initialize (curl_global_init \(curlGlobalInitCode))")
        }
        guard let handle = curl_easy_init() else {
            throw SMTPConnectionError(kind: .protocol, description: "libcurl could not allocate a handle")
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        // Signals are process-wide; curl must not use them (SIGALRM for timeouts) in a threaded server.
        try set(CURLOPT_NOSIGNAL, 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) throws(SMTPConnectionError) {
        try check(humas_curl_setopt_long(handle, option, value), option)
    }

    func set(_ option: CURLoption, _ value: String?) throws(SMTPConnectionError) {
        try check(humas_curl_setopt_string(handle, option, value), option)
    }

    func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(SMTPConnectionError) {
        try check(humas_curl_setopt_pointer(handle, option, value), option)
    }

    func set(_ option: CURLoption, list: CurlStringList?) throws(SMTPConnectionError) {
        try check(humas_curl_setopt_slist(handle, option, list?.head), option)
    }

    func check(_ code: CURLcode, _ option: CURLoption) throws(SMTPConnectionError) {
        guard code != CURLE_OK else { return }
        throw SMTPConnectionError(kind: .protocol, description: "libcurl refused option \(option.rawValue): \(Self.message(code))")
    }

    /// Runs one transfer with the options set, blocking the calling thread.
    func perform() -> CURLcode {
        errorBuffer[0] = 0
        return curl_easy_perform(handle)
    }

    /// The detail of the last failure: curl's error buffer, else the code's generic text.
    func failureDetail(_ code: CURLcode) -> String {
        // "Connection refused" says more than curl's "Failed to connect to … port …".
        if code == CURLE_COULDNT_CONNECT, case let osError = info(CURLINFO_OS_ERRNO), osError != 0 {
            return String(cString: strerror(Int32(osError)))
        }
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? Self.message(code) : detail
    }

    func info(_ info: CURLINFO) -> Int {
        var value = 0
        _ = humas_curl_getinfo_long(handle, info, &value)
        return value
    }

    static func message(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }
}

/// A curl_slist, freed with this object; it must outlive the transfers that use it.
final class CurlStringList {
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    init(_ strings: [String]) {
        for string in strings {
            head = curl_slist_append(head, string)
        }
    }

    deinit {
        curl_slist_free_all(head)
    }
}
