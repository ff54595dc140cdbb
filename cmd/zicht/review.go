package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/user"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/review"
)

// userFlag registers --user: who is acting, recorded on decisions and
// assessments and checked by the four-eyes rule.
func userFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("ZICHT_USER")
	if def == "" {
		if u, err := user.Current(); err == nil {
			def = u.Username
		}
	}
	return fs.String("user", def, "who is acting (env ZICHT_USER; default: the login name)")
}

func needUser(name string) error {
	if strings.TrimSpace(name) == "" {
		return zicht.Errorf(zicht.CodeInvalid, "--user is required")
	}
	return nil
}

// sub splits "zicht X SUB args" and runs the matching function.
func sub(ctx context.Context, e *env, cmd string, args []string, subs map[string]func(context.Context, *env, []string) error, order []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintf(e.stderr, "Usage: zicht %s SUBCOMMAND [flags]\n\nSubcommands: %s\nRun 'zicht %s SUBCOMMAND --help' for its flags.\n",
			cmd, strings.Join(order, ", "), cmd)
		if len(args) == 0 {
			return zicht.Errorf(zicht.CodeInvalid, "%s needs a subcommand: one of %s", cmd, strings.Join(order, ", "))
		}
		return flag.ErrHelp
	}
	fn, ok := subs[args[0]]
	if !ok {
		return zicht.Errorf(zicht.CodeInvalid, "unknown %s subcommand %q (want one of %s)", cmd, args[0], strings.Join(order, ", "))
	}
	return fn(ctx, e, args[1:])
}

func cmdReview(ctx context.Context, e *env, args []string) error {
	return sub(ctx, e, "review", args, map[string]func(context.Context, *env, []string) error{
		"queue": reviewQueue, "accept": reviewAccept, "reject": reviewReject, "undo": reviewUndo,
		"bulk": reviewBulk, "history": reviewHistory,
	}, []string{"queue", "accept", "reject", "undo", "bulk", "history"})
}

func reviewQueue(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "review queue", "[--group ID] [--question Q1|Q2] [--limit N] [--format table|json]")
	data := dataFlag(fs)
	group := fs.String("group", "", "only this group")
	question := fs.String("question", "", "only Q1 or Q2")
	limit := fs.Int("limit", 20, "how many signals to show (0: all)")
	format := fs.String("format", "table", "table or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	f := zicht.SignalFilter{Group: zicht.GroupID(*group), Limit: *limit}
	if *question != "" {
		q, err := zicht.ParseQuestion(*question)
		if err != nil {
			return err
		}
		f.Question = q
	}
	if *format != "table" && *format != "json" {
		return zicht.Errorf(zicht.CodeInvalid, "unknown format %q (want table or json)", *format)
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	queue, model, err := review.Queue(ctx, st, f)
	if err != nil {
		return err
	}
	if *format == "json" {
		return json.NewEncoder(e.stdout).Encode(queue)
	}
	ranking := "the detector's score (the model learns once there are 2 accepted and 2 rejected decisions)"
	if model.Ready() {
		ranking = "a model learned from the decisions so far"
	}
	fmt.Fprintf(e.stdout, "%d pending signals shown, ranked by %s\n", len(queue), ranking)
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPRIORITY\tGROUP\tQ\tPOLARITY\tLEVEL\tEVIDENCE\tTEXT")
	for _, r := range queue {
		fmt.Fprintf(tw, "%d\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Priority, r.Group, r.Question, r.Polarity,
			orDash(string(r.Level)), r.EvidenceType, clip(r.Text, 80))
	}
	return tw.Flush()
}

// idArg reads the one positional argument as a positive id of what.
func idArg(fs *flag.FlagSet, what string) (int64, error) {
	if fs.NArg() != 1 {
		return 0, zicht.Errorf(zicht.CodeInvalid, "want exactly one %s id", what)
	}
	n, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil || n <= 0 {
		return 0, zicht.Errorf(zicht.CodeInvalid, "%s id %q is not a positive number", what, fs.Arg(0))
	}
	return n, nil
}

func signalArg(fs *flag.FlagSet) (zicht.SignalID, error) {
	n, err := idArg(fs, "signal")
	return zicht.SignalID(n), err
}

func reviewAccept(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "review accept", "[--group ID] [--question Q] [--polarity P] [--level L|none-worded] [--type T] [--note TEXT] SIGNAL")
	data, who := dataFlag(fs), userFlag(fs)
	group := fs.String("group", "", "correct the group")
	question := fs.String("question", "", "correct the question (Q1 or Q2)")
	polarity := fs.String("polarity", "", "correct the polarity (asserted, negated, hedged)")
	level := fs.String("level", "", "correct the worded level (none … high, or unknown for no level)")
	typ := fs.String("type", "", "correct the evidence type")
	note := fs.String("note", "", "a note with the decision")
	if err := parse(fs, args); err != nil {
		return err
	}
	id, err := signalArg(fs)
	if err != nil {
		return err
	}
	if err := needUser(*who); err != nil {
		return err
	}
	c, err := review.ParseCorrection(*group, *question, *polarity, *level, *typ)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	d, ev, err := review.Accept(ctx, st, id, c, *who, *note)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "signal %d accepted by %s as evidence %d: %s %s %s, %s (case %s)\n", id, d.By, ev.ID, ev.Group,
		ev.Question, ev.Polarity, ev.Type, ev.CaseKey)
	return nil
}

func reviewReject(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "review reject", "--reason REASON [--note TEXT] SIGNAL")
	data, who := dataFlag(fs), userFlag(fs)
	reason := fs.String("reason", "", "why: "+strings.Join(zicht.RejectReasons, ", "))
	note := fs.String("note", "", "a note with the decision")
	if err := parse(fs, args); err != nil {
		return err
	}
	id, err := signalArg(fs)
	if err != nil {
		return err
	}
	if err := needUser(*who); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := review.Reject(ctx, st, id, *reason, *note, *who); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "signal %d rejected by %s: %s\n", id, *who, *reason)
	return nil
}

func reviewUndo(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "review undo", "")
	data, who := dataFlag(fs), userFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needUser(*who); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	d, err := review.Undo(ctx, st, *who)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "undid %s of signal %d; it is pending again\n", d.Action, d.Signal)
	return nil
}

func reviewBulk(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "review bulk", "(--doc ID | --query WORDS) [--group ID] [--reason R] accept|reject")
	data, who := dataFlag(fs), userFlag(fs)
	doc := fs.String("doc", "", "every pending signal of this document")
	query := fs.String("query", "", "every pending signal in passages matching these words")
	group := fs.String("group", "", "only signals of this group")
	reason := fs.String("reason", "", "for reject: "+strings.Join(zicht.RejectReasons, ", "))
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return zicht.Errorf(zicht.CodeInvalid, "want accept or reject")
	}
	if err := needUser(*who); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := review.Bulk(ctx, st, review.Selection{Doc: zicht.DocumentID(*doc), Query: *query, Group: zicht.GroupID(*group)},
		fs.Arg(0), *reason, *who)
	fmt.Fprintf(e.stdout, "%d signals %sed\n", n, fs.Arg(0))
	return err
}

func reviewHistory(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "review history", "[--limit N] [--by USER]")
	data := dataFlag(fs)
	limit := fs.Int("limit", 20, "how many decisions")
	by := fs.String("by", "", "only decisions of this user")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ds, err := st.Decisions(ctx, zicht.DecisionFilter{By: *by, Limit: *limit})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DECISION\tSIGNAL\tACTION\tREASON\tBY\tAT\tUNDONE")
	for _, d := range ds {
		fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\t%v\n", d.ID, d.Signal, d.Action, orDash(d.Reason), d.By,
			d.At.Format(time.DateTime), d.Undone)
	}
	return tw.Flush()
}

func cmdEvidence(ctx context.Context, e *env, args []string) error {
	return sub(ctx, e, "evidence", args, map[string]func(context.Context, *env, []string) error{
		"add": evidenceAdd, "list": evidenceList,
	}, []string{"add", "list"})
}

func evidenceAdd(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "evidence add", "--group ID --question Q --polarity P --type T --text TEXT --citation SOURCE [--level L] [--date YYYY-MM-DD] [--case KEY]")
	data, who := dataFlag(fs), userFlag(fs)
	group := fs.String("group", "", "the group")
	question := fs.String("question", "", "Q1 or Q2")
	polarity := fs.String("polarity", "asserted", "asserted, negated or hedged")
	typ := fs.String("type", "", "evidence type (conviction, prosecution, research, ...)")
	level := fs.String("level", "", "the level the source words, if any")
	text := fs.String("text", "", "what the source says")
	cite := fs.String("citation", "", "where it comes from (an interview, a case file, ...)")
	date := fs.String("date", "", "when it dates from (YYYY-MM-DD)")
	caseKey := fs.String("case", "", "case key (ECLI or case number) so one case counts once")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needUser(*who); err != nil {
		return err
	}
	if strings.TrimSpace(*text) == "" || strings.TrimSpace(*cite) == "" {
		return zicht.Errorf(zicht.CodeInvalid, "evidence entered by hand needs --text and --citation")
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ev, err := review.AddManual(ctx, st, review.Manual{Group: *group, Question: *question, Polarity: *polarity, Type: *typ,
		Level: *level, Text: *text, Citation: *cite, Date: *date, CaseKey: *caseKey}, *who)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "evidence %d added: %s %s %s %s\n", ev.ID, ev.Group, ev.Question, ev.Polarity, ev.Type)
	return nil
}

func evidenceList(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "evidence list", "[--group ID] [--question Q] [--format table|json]")
	data := dataFlag(fs)
	group := fs.String("group", "", "only this group")
	question := fs.String("question", "", "only Q1 or Q2")
	format := fs.String("format", "table", "table or json")
	if err := parse(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ev, err := st.Evidence(ctx, zicht.EvidenceFilter{Group: zicht.GroupID(*group), Question: zicht.Question(strings.ToUpper(*question))})
	if err != nil {
		return err
	}
	if *format == "json" {
		if ev == nil {
			ev = []zicht.Evidence{}
		}
		return json.NewEncoder(e.stdout).Encode(ev)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tGROUP\tQ\tPOLARITY\tTYPE\tLEVEL\tCASE\tBY\tTEXT")
	for _, x := range ev {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", x.ID, x.Group, x.Question, x.Polarity, x.Type,
			orDash(string(x.Level)), clip(x.CaseKey, 24), x.AddedBy, clip(x.Text, 60))
	}
	return tw.Flush()
}

func cmdAssessment(ctx context.Context, e *env, args []string) error {
	return sub(ctx, e, "assessment", args, map[string]func(context.Context, *env, []string) error{
		"set": assessmentSet, "approve": assessmentApprove, "history": assessmentHistory, "show": assessmentShow,
	}, []string{"set", "approve", "show", "history"})
}

func assessmentSet(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "assessment set", "[--rationale TEXT] GROUP Q1|Q2 LEVEL")
	data, who := dataFlag(fs), userFlag(fs)
	rationale := fs.String("rationale", "", "why; required when the level differs from the suggestion")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 3 {
		return zicht.Errorf(zicht.CodeInvalid, "want GROUP QUESTION LEVEL")
	}
	if err := needUser(*who); err != nil {
		return err
	}
	q, err := zicht.ParseQuestion(fs.Arg(1))
	if err != nil {
		return err
	}
	l, err := zicht.ParseLevel(fs.Arg(2))
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := review.SetFinal(ctx, st, zicht.GroupID(fs.Arg(0)), q, l, *rationale, *who)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "assessment %d: %s %s final %s (suggested %s) by %s, awaiting approval by someone else\n",
		a.ID, a.Group, a.Question, a.Final, orDash(string(a.Suggested)), a.Author)
	return nil
}

func assessmentID(fs *flag.FlagSet) (zicht.AssessmentID, error) {
	n, err := idArg(fs, "assessment")
	return zicht.AssessmentID(n), err
}

func assessmentApprove(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "assessment approve", "ID")
	data, who := dataFlag(fs), userFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	id, err := assessmentID(fs)
	if err != nil {
		return err
	}
	if err := needUser(*who); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := review.Approve(ctx, st, id, *who); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "assessment %d approved by %s\n", id, *who)
	return nil
}

func assessmentShow(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "assessment show", "ID")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	id, err := assessmentID(fs)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	a, err := st.Assessment(ctx, id)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(a)
}

func assessmentHistory(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "assessment history", "GROUP [Q1|Q2]")
	data := dataFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() < 1 || fs.NArg() > 2 {
		return zicht.Errorf(zicht.CodeInvalid, "want GROUP and optionally a question")
	}
	qs := zicht.Questions
	if fs.NArg() == 2 {
		q, err := zicht.ParseQuestion(fs.Arg(1))
		if err != nil {
			return err
		}
		qs = []zicht.Question{q}
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	g := zicht.GroupID(fs.Arg(0))
	if _, err := st.Group(ctx, g); err != nil {
		return err
	}
	for _, q := range qs {
		h, err := review.History(ctx, st, g, q)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s %s\n", g, q)
		for _, x := range h {
			changes := "first entry"
			if len(x.Changes) > 0 {
				changes = strings.Join(x.Changes, "; ")
			} else if x.Supersedes != 0 {
				changes = "no change"
			}
			fmt.Fprintf(e.stdout, "  %d  %s  %-9s  %s, approved by %s  (%s)\n", x.ID, x.ApprovedAt.Format(time.DateOnly),
				orDash(string(x.Final)), x.Origin, x.Reviewer, changes)
		}
	}
	return nil
}

func cmdPublish(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "publish", "--title TITLE")
	data, who := dataFlag(fs), userFlag(fs)
	title := fs.String("title", "", "the publication's title")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needUser(*who); err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	p, err := review.Publish(ctx, st, *title, *who)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "publication %d %q: %d approved assessments frozen\n", p.ID, p.Title, len(p.Assessments))
	return nil
}

func cmdRecommendation(ctx context.Context, e *env, args []string) error {
	return sub(ctx, e, "recommendation", args, map[string]func(context.Context, *env, []string) error{
		"add": recommendationAdd, "list": recommendationList, "status": recommendationStatus,
	}, []string{"add", "list", "status"})
}

func recommendationAdd(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "recommendation add", "--group ID --nl TEXT --en TEXT [--audience WHO]")
	data, who := dataFlag(fs), userFlag(fs)
	group := fs.String("group", "", "the group")
	nl := fs.String("nl", "", "the step in Dutch")
	en := fs.String("en", "", "the step in English")
	audience := fs.String("audience", "", "who should act (professionals, government, ...)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*nl) == "" && strings.TrimSpace(*en) == "" {
		return zicht.Errorf(zicht.CodeInvalid, "a recommendation needs a text (--nl and/or --en)")
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	r, err := st.AddRecommendation(ctx, zicht.Recommendation{Group: zicht.GroupID(*group), Text: zicht.Text{NL: *nl, EN: *en},
		Audience: *audience, Status: "open", Origin: *who})
	if err != nil {
		return err
	}
	_ = st.Audit(ctx, zicht.AuditEvent{Actor: *who, Action: "recommendation.add", Object: fmt.Sprintf("recommendation %d", r.ID)})
	fmt.Fprintf(e.stdout, "recommendation %d added for %s\n", r.ID, r.Group)
	return nil
}

func recommendationList(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "recommendation list", "[--group ID] [--lang nl|en]")
	data := dataFlag(fs)
	group := fs.String("group", "", "only this group")
	langFlag := fs.String("lang", "en", "nl or en")
	if err := parse(fs, args); err != nil {
		return err
	}
	lang, err := zicht.ParseLang(*langFlag)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	recs, err := st.Recommendations(ctx, zicht.GroupID(*group))
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tGROUP\tSTATUS\tAUDIENCE\tTEXT")
	for _, r := range recs {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", r.ID, r.Group, r.Status, orDash(r.Audience), clip(r.Text.In(lang), 80))
	}
	return tw.Flush()
}

func recommendationStatus(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "recommendation status", "ID "+strings.Join(zicht.RecommendationStatuses, "|"))
	data, who := dataFlag(fs), userFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		return zicht.Errorf(zicht.CodeInvalid, "want ID and a status (%s)", strings.Join(zicht.RecommendationStatuses, ", "))
	}
	id, err := strconv.ParseInt(fs.Arg(0), 10, 64)
	if err != nil {
		return zicht.Errorf(zicht.CodeInvalid, "recommendation id %q is not a number", fs.Arg(0))
	}
	st, err := openStore(ctx, *data, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetRecommendationStatus(ctx, id, fs.Arg(1)); err != nil {
		return err
	}
	_ = st.Audit(ctx, zicht.AuditEvent{Actor: *who, Action: "recommendation.status", Object: fmt.Sprintf("recommendation %d", id), Detail: fs.Arg(1)})
	fmt.Fprintf(e.stdout, "recommendation %d is now %s\n", id, fs.Arg(1))
	return nil
}
