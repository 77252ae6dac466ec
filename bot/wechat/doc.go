// Package wechat is pingan's WeChat transport: a bot.Transport on
// github.com/eatmoreapple/openwechat (v1.4.10, desktop/UOS mode). No
// openwechat type leaves this package.
//
// Wiring, in the main package:
//
//	tr := wechat.New(wechat.Options{
//		SessionFile: "/var/lib/pingan/wechat-session.json", // 0600, live credentials
//		QRFile:      "/var/lib/pingan/login-qr.png",
//		Groups:      cfg.GroupNames(),
//	}, log)
//	ob := bot.NewOutbox(st.Outbox(), tr, log, bot.OutboxOptions{Gap: 3 * time.Second, Jitter: 2 * time.Second, PerMinute: 12})
//	reg := prometheus.NewRegistry()
//	h, err := wechat.HealthHandler(tr, reg, ob)
//	go wechat.ServeHealth(ctx, "127.0.0.1:9464", h, log)
//	go ob.Run(ctx, 5*time.Second)
//	err = tr.Run(ctx, mux) // logs in, reconnects, until ctx ends
//
// Login: Run tries a hot login from Options.SessionFile (no scan), then a
// push login (the phone asks the owner to confirm), then a QR code shown in
// the terminal, written to Options.QRFile and logged as a URL. Every
// attempt uses a new openwechat.Bot (a bot cannot log in again after it
// exited) and a new storage object. After every login the contacts and the
// configured groups are resolved again; a configured group the account
// cannot see (not saved to contacts) is logged as a warning with the fix.
//
// Inbound: the library calls its message hook on its sync goroutine; the
// hook copies what it needs, drops messages the account sent itself and
// MsgIds it has already seen (an in-process LRU with a TTL), and queues the
// rest for one worker goroutine that names the sender and calls the
// bot.Handler (panics are recovered). bot.Message.ID is the WeChat MsgId,
// so the handlers' Redis dedupe also catches replays across restarts.
// Group messages carry the group name and the sender's group display name
// (群昵称, or the nickname when none is set) and nickname; private messages
// carry the remark name (备注) the account gave the sender, empty for
// non-friends. A remark is only ever taken from the account's contact list,
// never from a nickname. Kinds: text, sticker (47), voice (34), image (3),
// system (10000, joins and renames; the group's members are fetched again),
// revoked (10002; Text is the MsgId of the message taken back). Other types
// are ignored. Every group's messages are delivered, also those of groups
// not in Options.Groups (a renamed or new group): the handlers decide.
//
// Session ids (UserName) change at every login; they live only in memory.
//
// Errors: the library's sync loop would retry failures in a tight loop; the
// transport backs off instead and ends the session only on Ret 1100, 1101
// and 1102, then logs in again. While no session is up, Send returns
// ErrOffline, which wraps bot.ErrUnavailable: the outbox keeps the message
// in its Redis queue without counting an attempt. Ret 1205 ("operate too
// often") becomes *bot.ThrottledError; an unknown group or remark is
// bot.ErrUnknownRecipient (permanent).
//
// Health: Status, RegisterMetrics, HealthHandler (/healthz and /metrics on
// a registry passed in) and ServeHealth.
//
// Tests run the unmodified library against bot/wechat/fakewechat by
// setting Options.HTTPTransport to the fake's Transport().
package wechat
