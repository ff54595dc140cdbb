package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/auth"
)

func cmdUser(ctx context.Context, e *env, args []string) error {
	return sub(ctx, e, "user", args, map[string]func(context.Context, *env, []string) error{
		"add": userAdd, "list": userList, "token": userToken,
	}, []string{"add", "list", "token"})
}

// readPassword reads a password: typed twice without echo on a terminal, or
// one line from standard input otherwise (for scripts).
func readPassword(e *env) (string, error) {
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, "Password: ")
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", err
		}
		fmt.Fprint(e.stderr, "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", err
		}
		if string(a) != string(b) {
			return "", zicht.Errorf(zicht.CodeInvalid, "the two passwords differ")
		}
		return string(a), nil
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", zicht.Errorf(zicht.CodeInvalid, "no password on standard input")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func userAdd(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "user add", "--role admin|analyst|reviewer|viewer NAME  (the password is read from the terminal or standard input)")
	data := dataFlag(fs)
	roleFlag := fs.String("role", "", "the user's role")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return zicht.Errorf(zicht.CodeInvalid, "want exactly one user NAME")
	}
	role, err := zicht.ParseRole(*roleFlag)
	if err != nil {
		return err
	}
	u := zicht.User{Name: fs.Arg(0), Role: role}
	if err := u.Validate(); err != nil {
		return err
	}
	pw, err := readPassword(e)
	if err != nil {
		return err
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return zicht.Errorf(zicht.CodeInvalid, "%v", err)
	}
	st, err := openStore(ctx, *data, true)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.PutUser(ctx, u, hash); err != nil {
		return err
	}
	_ = st.Audit(ctx, zicht.AuditEvent{Actor: "cli", Action: "user.put", Object: "user " + u.Name, Detail: string(u.Role)})
	fmt.Fprintf(e.stdout, "user %s saved with role %s\n", u.Name, u.Role)
	return nil
}

func userList(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "user list", "")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tCREATED")
	for _, u := range users {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Name, u.Role, u.CreatedAt.Format(time.DateOnly))
	}
	return tw.Flush()
}

func userToken(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "user token", "--name PURPOSE [--days N] NAME")
	data := dataFlag(fs)
	name := fs.String("name", "", "what the token is for")
	days := fs.Int("days", 365, "days until it expires (0: never)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 || *name == "" {
		return zicht.Errorf(zicht.CodeInvalid, "want --name PURPOSE and one user NAME")
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	u, _, err := st.UserByName(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	secret, hash, err := auth.NewToken()
	if err != nil {
		return err
	}
	t := zicht.Token{Hash: hash, User: u.Name, Kind: zicht.TokenAPI, Name: *name, CreatedAt: time.Now()}
	if *days > 0 {
		t.ExpiresAt = t.CreatedAt.AddDate(0, 0, *days)
	}
	if err := st.AddToken(ctx, t); err != nil {
		return err
	}
	_ = st.Audit(ctx, zicht.AuditEvent{Actor: "cli", Action: "token.add", Object: "user " + u.Name, Detail: *name})
	fmt.Fprintf(e.stderr, "API token for %s (%s); it is shown once, keep it safe:\n", u.Name, *name)
	fmt.Fprintln(e.stdout, secret)
	return nil
}
