package handlers

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"pingan/bot"
	"pingan/config"
	"pingan/store"
)

// An admin may send the roster workbook (.xlsx or .csv) to the bot in
// private chat: it is checked as `pingan check` checks it, the difference
// is shown, and /确认导入 writes it over the configured roster file (the
// old one kept beside it) and reloads. A file with a bad row changes
// nothing: the admin gets the file:line errors.

// importTTL is how long a checked workbook waits for /确认导入.
const importTTL = time.Hour

func (s *Service) registerImport() {
	s.mux.Handle(bot.Command{Name: "import", Aliases: []string{"确认导入", "確認導入"}, Admin: true,
		Help: "确认导入刚发来的名单文件（管理员）", Fn: s.cmdConfirmImport})
}

// rosterFile is the configured roster's path on disk; "" when the config
// is not a file (the embedded example of the demo).
func (s *Service) rosterFile() string {
	if s.cfg.File == "" || s.cfg.Roster == "" {
		return ""
	}
	if filepath.IsAbs(s.cfg.Roster) {
		return s.cfg.Roster
	}
	return filepath.Join(filepath.Dir(s.cfg.File), s.cfg.Roster)
}

// receiveFile answers a file a staff member sent privately.
func (s *Service) receiveFile(ctx context.Context, m bot.Message, staff config.Staff) string {
	ext := strings.ToLower(filepath.Ext(m.FileName))
	switch {
	case ext != ".xlsx" && ext != ".csv":
		return "收到文件「" + m.FileName + "」。机器人只读名单文件（Excel .xlsx 或 CSV）。"
	case staff.Role != config.RoleAdmin:
		return "只有管理员可以导入名单。"
	case m.File == "":
		return "文件没有收到完整（可能太大，或微信下载失败），请重新发送。"
	}
	target := s.rosterFile()
	if target == "" {
		return "演示模式下没有名单文件可以替换，不能导入。"
	}
	if want := strings.ToLower(filepath.Ext(target)); want != ext {
		return fmt.Sprintf("配置里的名单是 %s 文件（%s），请发送同样格式的文件；在 Excel/WPS 里可“另存为”。", strings.TrimPrefix(want, "."), filepath.Base(target))
	}
	data, err := os.ReadFile(m.File)
	if err != nil {
		s.log.Error("read received file", "err", err)
		return "文件没有收到完整，请重新发送。"
	}
	elders, err := config.ParseRoster(data, m.FileName, s.cfg)
	if err != nil {
		return "名单有误，没有导入（原名单不变）。请改正后重新发送：\n" + firstLines(err.Error(), 10)
	}
	p := store.PendingImport{FileName: m.FileName, Data: data, At: s.now()}
	if err := s.st.SavePendingImport(ctx, staff.Name, p, importTTL); err != nil {
		s.log.Error("save pending import", "err", err)
		return internalFail
	}
	return fmt.Sprintf("名单「%s」检查通过。与现在的名单相比：%s\n确认导入请在 1 小时内发送 /确认导入；不导入则不用理会。", m.FileName, config.RosterDiff(s.cfg.Elders, elders))
}

func (s *Service) cmdConfirmImport(ctx context.Context, r bot.Request) string {
	staff, _ := s.actor(r)
	p, err := s.st.TakePendingImport(ctx, staff.Name)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return "没有待确认的名单。请先把名单文件（.xlsx 或 .csv）发给我。"
	case err != nil:
		s.log.Error("take pending import", "err", err)
		return internalFail
	}
	// Checked again: the config may have changed since.
	if _, err := config.ParseRoster(p.Data, p.FileName, s.cfg); err != nil {
		return "名单有误，没有导入（原名单不变）：\n" + firstLines(err.Error(), 10)
	}
	target := s.rosterFile()
	if target == "" {
		return "演示模式下没有名单文件可以替换，不能导入。"
	}
	if err := replaceFile(target, p.Data, s.now()); err != nil {
		s.log.Error("write roster", "file", target, "err", err)
		return "名单文件写不进去（" + err.Error() + "），原名单不变。"
	}
	if s.OnReload == nil {
		return "名单已写入 " + filepath.Base(target) + "，重启机器人后生效。"
	}
	if msg := s.OnReload(ctx); msg != "" {
		return msg
	}
	return "名单已导入，变动已发给管理员。"
}

// replaceFile writes data over path, keeping the old file as
// path.bak-YYYYMMDD-HHMM, atomically.
func replaceFile(path string, data []byte, now time.Time) error {
	if old, err := os.ReadFile(path); err == nil {
		if err := os.WriteFile(path+".bak-"+now.Format("20060102-1504"), old, 0o600); err != nil {
			return err
		}
	}
	tmp := path + ".new"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// firstLines keeps at most n lines of text.
func firstLines(text string, n int) string {
	lines := strings.Split(text, "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("……另有 %d 处", len(lines)-n))
	}
	return strings.Join(lines, "\n")
}
