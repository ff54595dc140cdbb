package detect

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/zicht-project/zicht"
	"github.com/zicht-project/zicht/lexicon"
)

// want describes one signal a scan must produce. Empty fields are not checked.
type want struct {
	group    zicht.GroupID
	q        zicht.Question
	pol      zicht.Polarity
	level    zicht.Level // "-" for LevelUnknown
	ev       zicht.EvidenceType
	risk     string // a risk factor id the signal must list
	pop      string // for "other": the population phrase
	triggers string // a trigger the signal must list
}

// sig abbreviates a want.
func sig(g zicht.GroupID, q zicht.Question, pol zicht.Polarity) want {
	return want{group: g, q: q, pol: pol}
}

func (w want) lvl(l zicht.Level) want         { w.level = l; return w }
func (w want) evid(e zicht.EvidenceType) want { w.ev = e; return w }
func (w want) rf(id string) want              { w.risk = id; return w }
func (w want) popul(p string) want            { w.pop = p; return w }
func (w want) trig(t string) want             { w.triggers = t; return w }

const (
	jihad  zicht.GroupID = "jihadist-recruitment"
	ana    zicht.GroupID = "anorexia-nervosa"
	undoc  zicht.GroupID = "undocumented-family-exploitation"
	roma   zicht.GroupID = "roma"
	chain  zicht.GroupID = "supply-chain-child-labour"
	lgbt   zicht.GroupID = "lgbt"
	brides zicht.GroupID = "syrian-child-brides"
	other                = zicht.GroupOther
	A                    = zicht.Asserted
	N                    = zicht.Negated
	H                    = zicht.Hedged
)

type scanCase struct {
	name string
	lang zicht.Lang
	text string
	want []want
	// not lists group/question pairs that must not appear, as "group Q".
	not []string
	// none means the text must give no signals at all.
	none bool
}

var scanCases = []scanCase{
	// Each group, asserted.
	{name: "jihad nl recruitment", lang: "nl",
		text: "IS ronselt minderjarigen via Telegram en andere sociale media.",
		want: []want{sig(jihad, "Q2", A), sig(jihad, "Q1", A).rf("online-contact")}},
	{name: "jihad en groomed", lang: "en",
		text: "Teenage girls who travelled to the caliphate were groomed online by recruiters.",
		want: []want{sig(jihad, "Q2", A)}},
	{name: "anorexia nl coaches", lang: "nl",
		text: "Pro-ana-coaches benaderen meisjes met een eetstoornis en buiten hen seksueel uit.",
		want: []want{sig(ana, "Q2", A)}},
	{name: "anorexia en vulnerable", lang: "en",
		text: "Girls with anorexia who look for peers on forums are vulnerable to grooming.",
		want: []want{sig(ana, "Q1", A).rf("online-contact")}, not: []string{"anorexia-nervosa Q2"}},
	{name: "undocumented nl conviction", lang: "nl",
		text: "Het echtpaar is veroordeeld omdat het een ongedocumenteerd nichtje jarenlang huishoudelijk werk liet doen zonder loon.",
		want: []want{sig(undoc, "Q2", A).evid(zicht.Conviction)}},
	{name: "undocumented en servitude", lang: "en",
		text: "Undocumented children held in domestic servitude by relatives rarely come to the attention of the authorities.",
		want: []want{sig(undoc, "Q2", A).rf("family-involvement")}},
	{name: "roma nl forced criminality", lang: "nl",
		text: "Romakinderen worden door familieleden gedwongen tot zakkenrollen.",
		want: []want{sig(roma, "Q2", A), sig(roma, "Q1", A).rf("family-involvement")}},
	{name: "roma en several convictions", lang: "en",
		text: "Several relatives of Roma children were convicted of trafficking for forcing them to steal.",
		want: []want{sig(roma, "Q2", A).evid(zicht.Conviction)}},
	{name: "supply chain nl", lang: "nl",
		text: "Op cacaoplantages in Ghana werken kinderen onder dwang in de productieketen van Europese bedrijven.",
		want: []want{sig(chain, "Q2", A)}},
	{name: "supply chain en policy", lang: "en",
		text: "Child labour in supply chains is banned, but the due diligence obligations for companies are voluntary.",
		want: []want{}, not: []string{"other Q2"}},
	{name: "lgbt nl risk factors", lang: "nl",
		text: "LHBT-jongeren zijn extra kwetsbaar door isolement en taboes in hun omgeving.",
		want: []want{sig(lgbt, "Q1", A).rf("isolation").rf("taboo").lvl(zicht.LevelElevated)}},
	{name: "lgbt en prostitution", lang: "en",
		text: "Gay and bisexual boys who are rejected by their families end up in prostitution.",
		want: []want{sig(lgbt, "Q2", A), sig(lgbt, "Q1", A).rf("minority-stress")}},
	{name: "brides nl isolation", lang: "nl",
		text: "Syrische kindbruiden leven vaak in een sociaal isolement en zijn sterk afhankelijk van hun man.",
		want: []want{sig(brides, "Q1", A).rf("isolation").rf("dependency")}},
	{name: "brides en hidden women", lang: "en",
		text: "Child brides from Syria risk becoming hidden women, exploited behind the front door.",
		want: []want{sig(brides, "Q2", A), sig(brides, "Q1", A).rf("closed-setting")}},

	// Negation.
	{name: "no evidence recruiters are traffickers", lang: "en",
		text: "There is no evidence that ISIS recruiters can be regarded as traffickers.",
		want: []want{sig(jihad, "Q2", N).trig("no ~2 evidence")}},
	{name: "er is geen bewijs", lang: "nl",
		text: "Er is geen bewijs dat ronselaars van IS als mensenhandelaren kunnen worden beschouwd.",
		want: []want{sig(jihad, "Q2", N)}},
	{name: "geen aanwijzingen", lang: "nl",
		text: "Er zijn geen aanwijzingen dat Syrische kindbruiden in Nederland worden uitgebuit.",
		want: []want{sig(brides, "Q2", N)}},
	{name: "not targeted", lang: "en",
		text: "Traffickers do not target LGBT youth in particular.",
		want: []want{sig(lgbt, "Q2", N)}},
	{name: "niet uitgebuit, verb last", lang: "nl",
		text: "De Roma-kinderen in dit dossier werden volgens de rechter niet uitgebuit.",
		want: []want{sig(roma, "Q2", N)}},
	{name: "never", lang: "en",
		text: "Roma children in the camp were never exploited by the gang.",
		want: []want{sig(roma, "Q2", N)}},
	{name: "backward negation ruled out", lang: "en",
		text: "Trafficking of the undocumented children in the household was ruled out.",
		want: []want{sig(undoc, "Q2", N).trig("was ruled out")}},
	{name: "backward negation uitgesloten", lang: "nl",
		text: "Uitbuiting van de kindbruid door haar schoonfamilie is uitgesloten.",
		want: []want{sig(brides, "Q2", N)}},
	{name: "zonder limits its scope", lang: "nl",
		text: "Kinderen zonder verblijfsvergunning worden in gezinnen uitgebuit.",
		want: []want{sig(undoc, "Q2", A), sig(undoc, "Q1", A).rf("illegal-stay")}},
	{name: "negated conviction is no conviction evidence", lang: "nl",
		text: "Niemand is veroordeeld voor de uitbuiting van de Romakinderen.",
		want: []want{sig(roma, "Q2", N).evid(zicht.EvidenceNone)}},
	{name: "negation ends at maar", lang: "nl",
		text: "Er is geen onderzoek gedaan, maar Romakinderen worden wel uitgebuit.",
		want: []want{sig(roma, "Q2", A)}},
	{name: "negation ends at but", lang: "en",
		text: "Not much is published, but LGBT youth are trafficked at high rates.",
		want: []want{sig(lgbt, "Q2", A)}},

	// Hedges.
	{name: "slechts zeer lichte signalen", lang: "nl",
		text: "Er zijn slechts zeer lichte signalen dat meisjes met anorexia het doelwit zijn van mensenhandelaren.",
		want: []want{sig(ana, "Q2", H).lvl(zicht.LevelSlight)}},
	{name: "niet uit te sluiten is a hedge", lang: "nl",
		text: "Het is niet uit te sluiten dat Syrische kindbruiden achter de voordeur worden uitgebuit.",
		want: []want{sig(brides, "Q2", H).trig("niet uit te sluiten")}},
	{name: "may", lang: "en",
		text: "Girls with eating disorders may be exploited by so-called ana coaches.",
		want: []want{sig(ana, "Q2", H)}},
	{name: "zou kunnen", lang: "nl",
		text: "Volgens de politie zouden Roma-meisjes door hun ouders kunnen worden uitgehuwelijkt en uitgebuit.",
		want: []want{sig(roma, "Q2", H)}},
	{name: "suspected", lang: "en",
		text: "Police suspected that undocumented children were exploited as domestic workers by their relatives.",
		want: []want{sig(undoc, "Q2", H).evid(zicht.ProfessionalSignal)}},
	{name: "cannot be ruled out", lang: "en",
		text: "Exploitation of Syrian child brides cannot be ruled out.",
		want: []want{sig(brides, "Q2", H)}},
	{name: "question", lang: "nl",
		text: "Is een Roma-meisje dat steelt een dader of een slachtoffer van uitbuiting?",
		want: []want{sig(roma, "Q2", H).trig("?")}},
	{name: "mogelijk", lang: "nl",
		text: "Jongens uit de LHBT-gemeenschap worden mogelijk geronseld via datingapps.",
		want: []want{sig(lgbt, "Q2", H)}},

	// Pseudo-triggers.
	{name: "neemt niet weg is no negation", lang: "nl",
		text: "Dat neemt niet weg dat Syrische kindbruiden kwetsbaar zijn voor uitbuiting.",
		want: []want{sig(brides, "Q1", A)}, not: []string{"syrian-child-brides Q2"}},
	{name: "does not change the fact is no negation", lang: "en",
		text: "That does not change the fact that Roma children are vulnerable to exploitation.",
		want: []want{sig(roma, "Q1", A)}},
	{name: "niet alleen maar ook", lang: "nl",
		text: "Roma-kinderen zijn niet alleen kwetsbaar door armoede, maar worden ook uitgebuit door familieleden.",
		want: []want{sig(roma, "Q1", A).rf("poverty"), sig(roma, "Q2", A)}},
	{name: "not only but also", lang: "en",
		text: "LGBT youth are not only isolated but also targeted by traffickers.",
		want: []want{sig(lgbt, "Q1", A), sig(lgbt, "Q2", A)}},
	{name: "no doubt", lang: "en",
		text: "There is no doubt that recruiters for the Islamic State groom teenagers online.",
		want: []want{sig(jihad, "Q2", A)}},
	{name: "geen twijfel", lang: "nl",
		text: "Er bestaat geen twijfel over dat kinderarbeid in de cacaosector gepaard gaat met uitbuiting.",
		want: []want{sig(chain, "Q2", A)}},
	{name: "niet zonder reden", lang: "nl",
		text: "Niet zonder reden waarschuwt de inspectie dat LHBTI-jongeren worden uitgebuit.",
		want: []want{sig(lgbt, "Q2", A).evid(zicht.OfficialReport)}},

	// Levels.
	{name: "hoge kwetsbaarheid", lang: "nl",
		text: "De onderzoekers zien een hoge kwetsbaarheid bij Roma-kinderen.",
		want: []want{sig(roma, "Q1", A).lvl(zicht.LevelHigh).evid(zicht.Research)}},
	{name: "matig kwetsbaar", lang: "nl",
		text: "Kinderen die zich bij IS willen aansluiten zijn matig kwetsbaar.",
		want: []want{sig(jihad, "Q1", A).lvl(zicht.LevelModerate)}},
	{name: "redelijke kwetsbaarheid", lang: "nl",
		text: "Voor Syrische kindbruiden geldt een redelijke kwetsbaarheid.",
		want: []want{sig(brides, "Q1", A).lvl(zicht.LevelFair)}},
	{name: "verhoogd risico", lang: "nl",
		text: "LHBT-jongeren lopen een verhoogd risico.",
		want: []want{sig(lgbt, "Q1", A).lvl(zicht.LevelElevated)}},
	{name: "licht kwetsbaar", lang: "nl",
		text: "Meisjes met anorexia zijn licht kwetsbaar.",
		want: []want{sig(ana, "Q1", A).lvl(zicht.LevelSlight)}},
	{name: "highly vulnerable", lang: "en",
		text: "Roma children are highly vulnerable.",
		want: []want{sig(roma, "Q1", A).lvl(zicht.LevelHigh)}},
	{name: "moderately vulnerable", lang: "en",
		text: "Minors recruited by ISIS are moderately vulnerable.",
		want: []want{sig(jihad, "Q1", A).lvl(zicht.LevelModerate)}},
	{name: "elevated risk", lang: "en",
		text: "Transgender youth face an elevated risk.",
		want: []want{sig(lgbt, "Q1", A).lvl(zicht.LevelElevated)}},
	{name: "slightly vulnerable", lang: "en",
		text: "Girls with anorexia are slightly vulnerable.",
		want: []want{sig(ana, "Q1", A).lvl(zicht.LevelSlight)}},
	{name: "risk is high, after the noun", lang: "en",
		text: "For child brides from Syria the risk is high.",
		want: []want{sig(brides, "Q1", A).lvl(zicht.LevelHigh)}},
	{name: "hoge not tied to vulnerability", lang: "nl",
		text: "Roma-kinderen met hoge schulden lopen risico.",
		want: []want{sig(roma, "Q1", A).lvl("-").rf("debt")}},
	{name: "licht verstandelijke beperking is no level", lang: "nl",
		text: "Jongeren met een licht verstandelijke beperking zijn kwetsbaar voor loverboys.",
		want: []want{sig(other, "Q1", A).lvl("-").rf("intellectual-disability")}},

	// Evidence types.
	{name: "prosecution", lang: "nl",
		text: "De officier van justitie eist drie jaar cel tegen een ronselaar van jihadisten.",
		want: []want{sig(jihad, "Q2", A).evid(zicht.Prosecution)}},
	{name: "conviction nl", lang: "nl",
		text: "De rechtbank veroordeelde de ronselaar van IS tot drie jaar cel.",
		want: []want{sig(jihad, "Q2", A).evid(zicht.Conviction)}},
	{name: "prosecution en", lang: "en",
		text: "Two men were charged with trafficking Roma children.",
		want: []want{sig(roma, "Q2", A).evid(zicht.Prosecution)}},
	{name: "acquittal", lang: "nl",
		text: "De moeder van de Romakinderen is vrijgesproken van mensenhandel.",
		want: []want{sig(roma, "Q2", N).evid(zicht.Acquittal)}},
	{name: "acquittal en", lang: "en",
		text: "The parents of the child bride were acquitted of trafficking.",
		want: []want{sig(brides, "Q2", N).evid(zicht.Acquittal)}},
	{name: "research", lang: "nl",
		text: "Uit onderzoek blijkt dat LHBT-jongeren vaker slachtoffer worden van seksuele uitbuiting.",
		want: []want{sig(lgbt, "Q2", A).evid(zicht.Research)}},
	{name: "official report", lang: "en",
		text: "The national rapporteur reports that Syrian child brides are isolated.",
		want: []want{sig(brides, "Q1", A).evid(zicht.OfficialReport)}},
	{name: "professional signal", lang: "nl",
		text: "Hulpverleners melden dat meisjes met een eetstoornis online worden benaderd door pooiers.",
		want: []want{sig(ana, "Q2", A).evid(zicht.ProfessionalSignal)}},
	{name: "media report", lang: "en",
		text: "A newspaper revealed that children work in cocoa farms for large chocolate makers and are exploited.",
		want: []want{sig(chain, "Q2", A).evid(zicht.MediaReport)}},
	{name: "policy", lang: "nl",
		text: "De wet verplicht bedrijven kinderarbeid in hun toeleveringsketen te voorkomen, omdat het uitbuiting is.",
		want: []want{sig(chain, "Q2", A).evid(zicht.Policy)}},
	{name: "the source in the next sentence", lang: "en",
		text: "Roma children are forced to beg in the capital. That is what a police report said last year.",
		want: []want{sig(roma, "Q2", A).evid(zicht.OfficialReport)}},

	// Vulnerability to trafficking is Q1, not Q2.
	// Levels in predicative position.
	{name: "level after a copula", lang: "nl",
		text: "Het risico op uitbuiting van ongedocumenteerde kinderen binnen de familie is aanzienlijk.",
		want: []want{sig(undoc, "Q1", A).lvl(zicht.LevelFair)}},
	{name: "level after as", lang: "en",
		text: "Teachers describe the vulnerability of Roma pupils in the district as moderate.",
		want: []want{sig(roma, "Q1", A).lvl(zicht.LevelModerate)}},
	{name: "intensified level at the clause end", lang: "nl",
		text: "De kwetsbaarheid van Roma-kinderen in deze wijk is zeer licht.",
		want: []want{sig(roma, "Q1", A).lvl(zicht.LevelSlight)}},
	// A group named by a near term beside a risk factor of the group.
	{name: "near and with", lang: "en",
		text: "A poor Syrian family accepted a bride price for their thirteen-year-old daughter.",
		want: []want{sig(brides, "Q1", A).rf("child-marriage")}},
	{name: "near without its risk factor", lang: "en",
		text: "Syrian refugees opened a bakery, and their children help out after school.",
		none: true},
	// A "not" phrase holds in every language.
	{name: "not phrase in a Dutch text", lang: "nl",
		text: "Spelers van AS Roma bezochten kinderen die slachtoffer waren van uitbuiting.",
		not:  []string{"roma Q2"}},

	{name: "kwetsbaar voor mensenhandel", lang: "nl",
		text: "Syrische kindbruiden zijn kwetsbaar voor mensenhandel.",
		want: []want{sig(brides, "Q1", A)}, not: []string{"syrian-child-brides Q2"}},
	{name: "at risk of exploitation", lang: "en",
		text: "LGBT youth who run away from home are at risk of sexual exploitation.",
		want: []want{sig(lgbt, "Q1", A)}, not: []string{"lgbt Q2"}},

	// Other: children at risk outside the groups.
	{name: "unaccompanied minors", lang: "en",
		text: "Unaccompanied minors who disappear from shelters are often exploited by traffickers.",
		want: []want{sig(other, "Q2", A).popul("Unaccompanied minors").rf("missing")}},
	{name: "amv nl", lang: "nl",
		text: "Alleenstaande minderjarige vreemdelingen verdwijnen uit de opvang en worden uitgebuit.",
		want: []want{sig(other, "Q2", A).popul("Alleenstaande minderjarige vreemdelingen")}},
	{name: "drug couriers", lang: "nl",
		text: "Drugsbendes zetten minderjarige drugskoeriers in als goedkope runners en buiten hen uit.",
		want: []want{sig(other, "Q2", A).popul("minderjarige drugskoeriers")}},
	{name: "vietnamese minors", lang: "en",
		text: "Vietnamese minors are trafficked to work in nail bars and cannabis farms.",
		want: []want{sig(other, "Q2", A).popul("Vietnamese minors")}},
	{name: "other negated", lang: "en",
		text: "There is no evidence that children in the shelter were trafficked.",
		want: []want{sig(other, "Q2", N)}},
	{name: "other needs trafficking", lang: "nl",
		text: "Kinderen in de opvang gaan naar school.", none: true},

	// Carrying a group.
	{name: "anaphor carries the group", lang: "nl",
		text: "Het rapport gaat over Roma-kinderen in Nederland. Deze kinderen worden gedwongen te stelen.",
		want: []want{sig(roma, "Q2", A)}},
	{name: "they carries the group", lang: "en",
		text: "The report concerns LGBT youth in shelters. They are recruited by pimps.",
		want: []want{sig(lgbt, "Q2", A)}},
	{name: "heading carries the group", lang: "nl",
		text: "Syrische kindbruiden\n\nHet isolement is groot.\n\nHulpverleners zien signalen van uitbuiting.",
		want: []want{sig(brides, "Q1", A).lvl(zicht.LevelUnknown), sig(brides, "Q2", A)}},
	{name: "no carry into the next paragraph", lang: "en",
		text: "Roma children were discussed at length.\n\nThey are recruited by pimps.",
		not:  []string{"roma Q2"}},

	// Passages about neither children nor trafficking.
	{name: "football", lang: "nl", none: true,
		text: "AS Roma won zondag met 2-1 van Lazio. De verdediging liep weinig risico en de keeper hoefde niet in te grijpen."},
	{name: "recipe", lang: "nl", none: true,
		text: "Week de erwten een nacht. Kook ze met de hoge pan op laag vuur, bijv. twee uur. Voeg de rookworst toe."},
	{name: "municipal notice", lang: "nl", none: true,
		text: "De gemeente verleent een exploitatievergunning voor het café aan de Markt. Bezwaar is mogelijk tot 1 mei."},
	{name: "weather", lang: "en", none: true,
		text: "There is a high risk of showers tomorrow; the wind may reach gale force."},
	{name: "software release", lang: "en", none: true,
		text: "Version 2.1 fixes a bug that could expose user passwords. Upgrading is not mandatory but recommended."},
}

func TestScan(t *testing.T) {
	d := newDefault(t)
	for _, tc := range scanCases {
		t.Run(tc.name, func(t *testing.T) {
			_, sigs := d.Scan("doc", tc.text, tc.lang)
			if tc.none {
				if len(sigs) > 0 {
					t.Errorf("want no signals, got\n%s", dump(sigs))
				}
				return
			}
			for _, w := range tc.want {
				if err := findSignal(sigs, w); err != nil {
					t.Errorf("%v\ngot\n%s", err, dump(sigs))
				}
			}
			for _, n := range tc.not {
				g, q, _ := strings.Cut(n, " ")
				for _, s := range sigs {
					if string(s.Group) == g && string(s.Question) == q {
						t.Errorf("unwanted signal %s %s\ngot\n%s", g, q, dump(sigs))
					}
				}
			}
		})
	}
}

// findSignal returns nil when sigs has a signal matching w.
func findSignal(sigs []zicht.Signal, w want) error {
	var near []string
	for _, s := range sigs {
		if s.Group != w.group || s.Question != w.q {
			continue
		}
		var diff []string
		if w.pol != "" && s.Polarity != w.pol {
			diff = append(diff, fmt.Sprintf("polarity %s", s.Polarity))
		}
		if w.level == "-" && s.Level != zicht.LevelUnknown || w.level != "" && w.level != "-" && s.Level != w.level {
			diff = append(diff, fmt.Sprintf("level %q", s.Level))
		}
		if w.ev != "" && s.EvidenceType != w.ev {
			diff = append(diff, fmt.Sprintf("evidence %s", s.EvidenceType))
		}
		if w.risk != "" && !contains(s.RiskFactors, w.risk) {
			diff = append(diff, fmt.Sprintf("risk factors %v", s.RiskFactors))
		}
		if w.pop != "" && s.Population != w.pop {
			diff = append(diff, fmt.Sprintf("population %q", s.Population))
		}
		if w.triggers != "" && !contains(s.Triggers, w.triggers) {
			diff = append(diff, fmt.Sprintf("triggers %v", s.Triggers))
		}
		if len(diff) == 0 {
			return nil
		}
		near = append(near, strings.Join(diff, ", "))
	}
	return fmt.Errorf("no signal %s %s %s (level %q, evidence %q, risk %q, population %q, trigger %q); near: %v",
		w.group, w.q, w.pol, w.level, w.ev, w.risk, w.pop, w.triggers, near)
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func dump(sigs []zicht.Signal) string {
	var b strings.Builder
	for _, s := range sigs {
		s.Text = ""
		j, _ := json.Marshal(s)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

// The risk-factor "hoge" check above uses its own want: keep the helper
// chain honest (a risk factor and a level on one signal).
func TestWantChain(t *testing.T) {
	w := sig(roma, "Q1", A).rf("debt").lvl(zicht.LevelHigh)
	if w.risk != "debt" || w.level != zicht.LevelHigh || w.group != roma {
		t.Fatalf("%+v", w)
	}
}

func TestSignalFields(t *testing.T) {
	d := newDefault(t)
	text := "Intro.\n\nRoma-kinderen lopen een hoog risico op uitbuiting, blijkt uit onderzoek."
	ps, sigs := d.Scan("doc1", text, zicht.Dutch)
	if len(ps) != 2 {
		t.Fatalf("passages: %d", len(ps))
	}
	if len(sigs) == 0 {
		t.Fatal("no signals")
	}
	for _, s := range sigs {
		if s.Doc != "doc1" || s.Detector != Version || s.Text != text[s.Start:s.End] || s.Start != ps[1].Start || s.End != ps[1].End {
			t.Errorf("bad signal %+v", s)
		}
		if s.Score <= 0 || s.Score > 1 {
			t.Errorf("score %v", s.Score)
		}
		if s.RiskFactors == nil || s.Terms == nil {
			t.Errorf("nil slices in %+v", s)
		}
		if !contains(s.Terms, "Roma") {
			t.Errorf("terms %v lack the group term as written", s.Terms)
		}
	}
	// Empty risk factors are [] in JSON, not null.
	_, sigs = d.Scan("doc", "Traffickers target Roma children.", zicht.English)
	if len(sigs) == 0 {
		t.Fatal("no signals")
	}
	b, err := json.Marshal(sigs[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"risk_factors":[]`) {
		t.Errorf("want empty risk_factors array: %s", b)
	}
}

func TestScore(t *testing.T) {
	d := newDefault(t)
	_, weak := d.Scan("d", "LHBT-jongeren lopen risico.", zicht.Dutch)
	_, strong := d.Scan("d", "Uit onderzoek blijkt dat LHBT-jongeren een sterk verhoogd risico lopen door isolement, taboe en afhankelijkheid.", zicht.Dutch)
	if len(weak) == 0 || len(strong) == 0 {
		t.Fatalf("signals: %d weak, %d strong", len(weak), len(strong))
	}
	if !(strong[0].Score > weak[0].Score) {
		t.Errorf("strong %v <= weak %v", strong[0].Score, weak[0].Score)
	}
	_, carried := d.Scan("d", "Dit gaat over LHBT-jongeren.\nZij lopen risico.", zicht.Dutch)
	var direct, viaAnaphor float64
	for _, s := range carried {
		if s.Start == 0 {
			direct = s.Score
		} else {
			viaAnaphor = s.Score
		}
	}
	_ = direct
	if viaAnaphor == 0 || viaAnaphor >= weak[0].Score {
		t.Errorf("carried signal %v should score below a named one %v", viaAnaphor, weak[0].Score)
	}
}

func TestLanguageFilter(t *testing.T) {
	d := newDefault(t)
	// "exploitation" is an English term; in Dutch text it is not read.
	if _, sigs := d.Scan("d", "Children and exploitation.", zicht.English); len(sigs) == 0 {
		t.Error("English: want a signal")
	}
	text := "Kinderen en exploitation."
	if _, sigs := d.Scan("d", text, zicht.Dutch); len(sigs) != 0 {
		t.Errorf("Dutch: want none, got %s", dump(sigs))
	}
	if _, sigs := d.Scan("d", text, ""); len(sigs) == 0 {
		t.Error("no language: want both languages' terms")
	}
}

func TestExtraGroups(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := New(lex, []zicht.Group{
		{ID: "drug-couriers", Status: zicht.GroupProposed, Terms: []zicht.Term{{Lang: zicht.Dutch, Pattern: "drugskoerier*"}, {Pattern: "county lines"}}},
		{ID: "roma", Status: zicht.GroupRetired},
	})
	if err != nil {
		t.Fatal(err)
	}
	_, sigs := d.Scan("d", "Minderjarige drugskoeriers worden door bendes uitgebuit.", zicht.Dutch)
	if err := findSignal(sigs, sig("drug-couriers", "Q2", A)); err != nil {
		t.Error(err)
	}
	_, sigs = d.Scan("d", "Children in county lines are exploited.", zicht.English)
	if err := findSignal(sigs, sig("drug-couriers", "Q2", A)); err != nil {
		t.Error(err)
	}
	_, sigs = d.Scan("d", "Roma-kinderen worden uitgebuit.", zicht.Dutch)
	for _, s := range sigs {
		if s.Group == roma {
			t.Errorf("retired group detected: %+v", s)
		}
	}
	for _, bad := range [][]zicht.Group{
		{{ID: "Bad Id"}},
		{{ID: zicht.GroupOther}},
		{{ID: "x", Terms: []zicht.Term{{Pattern: "*"}}}},
		{{ID: "x", Terms: []zicht.Term{{Pattern: ";"}}}},
		{{ID: "x", Terms: []zicht.Term{{Lang: "de", Pattern: "Kinder"}}}},
	} {
		if _, err := New(lex, bad); zicht.ErrorCode(err) != zicht.CodeInvalid {
			t.Errorf("New(%+v): %v, want an invalid error", bad, err)
		}
	}
	if _, err := New(nil, nil); err == nil {
		t.Error("New(nil) succeeded")
	}
}

func TestScanCoversEveryGroup(t *testing.T) {
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	covered := map[zicht.GroupID]map[zicht.Polarity]bool{}
	d := newDefault(t)
	for _, tc := range scanCases {
		_, sigs := d.Scan("d", tc.text, tc.lang)
		for _, s := range sigs {
			if covered[s.Group] == nil {
				covered[s.Group] = map[zicht.Polarity]bool{}
			}
			covered[s.Group][s.Polarity] = true
		}
	}
	for _, g := range lex.Groups {
		if len(covered[g.ID]) == 0 {
			t.Errorf("no test case gives a signal for %s", g.ID)
		}
	}
	if len(scanCases) < 60 {
		t.Errorf("only %d scan cases", len(scanCases))
	}
}
