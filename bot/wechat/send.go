package wechat

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/eatmoreapple/openwechat"

	"pingan/bot"
)

// Send delivers one message: text to a group (by name) or to a friend (by
// remark name), or an image or file when m.File is set. Errors say whether
// retrying helps: ErrOffline (wrapping bot.ErrUnavailable) while logged out,
// *bot.ThrottledError for Ret 1205, bot.ErrUnknownRecipient (permanent)
// for a group or friend the account cannot see.
func (t *Transport) Send(ctx context.Context, m bot.Outgoing) error {
	err := t.send(ctx, m)
	if err != nil {
		t.sendFail.Add(1)
		return err
	}
	t.out.Add(1)
	return nil
}

func (t *Transport) send(ctx context.Context, m bot.Outgoing) error {
	s := t.current()
	if s == nil {
		return ErrOffline
	}
	var to string
	var ok bool
	switch {
	case m.Group != "":
		to, ok = s.dir.groupID(ctx, m.Group)
	case m.To != "":
		to, ok = s.dir.friendID(ctx, m.To)
	}
	if !ok {
		return fmt.Errorf("wechat: %s: %w", m.Target(), bot.ErrUnknownRecipient)
	}
	c := s.bot.Caller
	info, req := s.bot.Storage.LoginInfo, s.bot.Storage.Request
	var err error
	switch {
	case m.File != "":
		f, ferr := os.Open(m.File)
		if ferr != nil {
			return bot.Permanent(fmt.Errorf("wechat: open attachment: %w", ferr))
		}
		defer f.Close()
		if m.Image {
			_, err = c.WebWxSendImageMsg(ctx, f, &openwechat.CallerWebWxSendImageMsgOptions{
				FromUserName: s.self, ToUserName: to, BaseRequest: req, LoginInfo: info})
		} else {
			_, err = c.WebWxSendFile(ctx, f, &openwechat.CallerWebWxSendFileOptions{
				FromUserName: s.self, ToUserName: to, BaseRequest: req, LoginInfo: info})
		}
	default:
		text := m.Text
		if m.Mention != "" {
			text = "@" + m.Mention + "\u2005" + text
		}
		_, err = c.WebWxSendMsg(ctx, &openwechat.CallerWebWxSendMsgOptions{
			LoginInfo: info, BaseRequest: req, Message: openwechat.NewTextSendMessage(text, s.self, to)})
	}
	return t.classify(m, err)
}

// classify maps library errors to the bot's error vocabulary.
func (t *Transport) classify(m bot.Outgoing, err error) error {
	if err == nil {
		return nil
	}
	var ret openwechat.Ret
	switch {
	case errors.As(err, &ret) && int(ret) == 1205:
		return &bot.ThrottledError{After: t.opts.ThrottleWait, Err: fmt.Errorf("wechat: %s: %w", m.Target(), err)}
	case isSessionLost(err):
		// The sync loop will notice and log in again; hold the queue.
		return fmt.Errorf("wechat: session lost while sending (%v): %w", err, bot.ErrUnavailable)
	case errors.Is(err, openwechat.ErrWebWxDataTicketNotFound):
		return fmt.Errorf("wechat: upload needs a new login: %w", err)
	}
	return fmt.Errorf("wechat: send to %s: %w", m.Target(), err)
}
