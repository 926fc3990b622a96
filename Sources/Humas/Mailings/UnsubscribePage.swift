/// The unsubscribe page in Bahasa Indonesia: a confirmation form on GET, the result after POST,
/// and a page for a link that is not genuine. Plain HTML, no script, readable on any phone.
public enum UnsubscribePage {
    public static func confirmation(_ state: UnsubscribeState, token: String) -> String {
        if state.optedOut { return done(state) }
        return page(title: "Berhenti berlangganan", body: """
            <p>Alamat <strong>\(HTMLText.escape(state.address))</strong> akan berhenti menerima surel dari Bagian Humas
            \(HTMLText.escape(state.office)) dan kantor KPU lain yang memakai daftar kontak ini.</p>
            <form method="post" action="/u/\(HTMLText.escape(token))">
              <button type="submit">Ya, berhenti berlangganan</button>
            </form>
            <p>Jika Anda tidak ingin berhenti, tutup saja halaman ini.</p>
            """)
    }

    public static func done(_ state: UnsubscribeState) -> String {
        page(title: "Anda sudah berhenti berlangganan", body: """
            <p>Alamat <strong>\(HTMLText.escape(state.address))</strong> tidak akan lagi menerima surel dari Bagian Humas
            \(HTMLText.escape(state.office)).</p>
            <p>Jika ini keliru, hubungi Bagian Humas \(HTMLText.escape(state.office)) untuk mendaftar kembali.</p>
            """)
    }

    public static let invalidLink = page(title: "Tautan tidak berlaku", body: """
        <p>Tautan berhenti berlangganan ini tidak dikenali. Pastikan Anda membuka tautan lengkap dari surel yang Anda terima.</p>
        """)

    private static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>body{font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em;line-height:1.5}
        button{font-size:1em;padding:.6em 1.2em}</style></head>
        <body><h1>\(title)</h1>
        \(body)
        </body></html>
        """
    }
}
