# cues.lex — what makes a passage speak to a question, and the anchor terms
# for children and trafficking.
#
# Q1 (vulnerability): a [cue Q1] term or a term of a risk factor listed here.
# Q2 (targeting): a [cue Q2] term (traffickers and what they do) or a
# [trafficking] term; a conviction, prosecution or acquittal cue counts too
# when the passage names a group itself.
# A passage about [children] and [trafficking] or [cue Q2] that names no
# group gives a signal for the group "other" (see population.lex).

[cue Q1]
nl: kwetsba*
nl: risicofactor*
nl: risico
nl: risico's
nl: risicogroep*
nl: risicovol*
nl: risicojongeren
nl: vatbaar*
nl: gevaar lopen
nl: in gevaar
nl: minder weerbaar
nl: weerloos
nl: beschermingsfactor*
en: vulnerab*
en: risk factor*
en: at risk
en: risk
en: risks
en: risky
en: susceptib*
en: prone to
en: exposed to
en: in danger
riskfactor: isolation
riskfactor: dependency
riskfactor: closed-setting
riskfactor: illegal-stay
riskfactor: language-barrier
riskfactor: taboo
riskfactor: minority-stress
riskfactor: online-contact
riskfactor: child-marriage
riskfactor: family-involvement
riskfactor: debt
riskfactor: prior-abuse
riskfactor: poverty
riskfactor: school-dropout
riskfactor: intellectual-disability
riskfactor: missing
riskfactor: addiction
riskfactor: homelessness

[cue Q2]
nl: worden gedwongen
nl: werden gedwongen
nl: wordt gedwongen
nl: werd gedwongen
nl: zijn gedwongen
nl: had gedwongen
nl: heeft gedwongen
nl: hebben gedwongen
nl: moeten werken
nl: moest werken
nl: moesten werken
nl: moeten meewerken
nl: onbetaald werk*
nl: zonder loon
nl: zonder betaling
nl: liet ~3 werken
nl: lieten ~3 werken
nl: laat ~3 werken
nl: liet ~3 stelen
nl: lieten ~3 stelen
nl: laten ~3 bedelen
nl: liet ~3 bedelen
nl: lieten ~3 bedelen
nl: laten ~3 inbreken
nl: liet ~3 inbreken
nl: lieten ~3 inbreken
nl: kind* ~3 inzet*
nl: minderjarig* ~3 inzet*
nl: jongeren ~3 inzet*
nl: onder druk gezet
nl: onder druk ~2 zetten
nl: onder druk stond
nl: onder druk stonden
nl: chanteer*
nl: chanteren
nl: gechanteerd
nl: chantage
nl: criminele netwerk*
nl: crimineel netwerk
nl: paspoort ~2 ingenomen
nl: paspoort ~2 afgenomen
nl: paspoorten ~2 ingenomen
en: were forced
en: was forced
en: are forced
en: is forced
en: been forced
en: had forced
en: has forced
en: have forced
en: forcing
en: had to work
en: have to work
en: has to work
en: must work
en: without pay
en: unpaid work
en: unpaid labour
en: unpaid labor
en: unpaid domestic work*
en: made ~3 work
en: made ~3 steal
en: made ~3 beg
en: make ~3 work
en: make ~3 steal
en: make ~3 beg
en: used ~2 child*
en: uses ~2 child*
en: using ~2 child*
en: use ~2 child*
en: used minors
en: uses minors
en: using minors
en: use minors
en: pressure ~3 into
en: pressured into
en: pressured to
en: blackmail*
en: criminal network*
en: kept ~2 passport*
en: confiscated ~2 passport*
en: took ~2 passport*
en: withheld ~2 passport*
nl: verkeerde handen
en: wrong hands
nl: afhankelijk ~2 gemaakt
en: made ~2 dependent
nl: getraind als
nl: getraind tot
nl: militair getraind
nl: militaire training
en: trained as
en: military training
nl: mensenhandelaar*
nl: handelaren in ~1 kinderen
nl: uitbuiter*
nl: ronsel*
nl: geronseld
nl: rekruter*
nl: gerekruteerd
nl: rekrutering
nl: geworven
nl: werving
nl: loverboy*
nl: pooier*
nl: souteneur*
nl: groomer*
nl: grooming
nl: gegroomd
nl: indoctrin*
nl: geïndoctrineerd
nl: gelokt
nl: lokken
nl: doelwit*
nl: signaal
nl: signalen
nl: gedwongen ~2 tot
nl: gedwongen ~2 om
nl: gedwongen te
nl: buiten ~3 uit
nl: buit ~3 uit
nl: onder dwang
nl: dwingen
nl: dwingt
nl: dwongen
nl: ingezet als
nl: worden ingezet
nl: werden ingezet
nl: kinderen ~3 inzetten
nl: kinderen ~3 in te zetten
nl: minderjarigen ~3 inzetten
nl: zetten ~3 in als
nl: ingezet voor
nl: laten werken
nl: laten stelen
nl: te werk gesteld
en: trafficker*
en: exploiter*
en: recruiter*
en: recruit {stem}             # recruits, recruited, recruiting, recruitment
en: groomer*
en: grooming
en: groomed
en: loverboy*
en: pimp*
en: indoctrinat*
en: lured
en: lure
en: lures
en: luring
en: targeted by
en: signals
en: prey on
en: preyed on
en: forced to
en: forced into
en: coerc*
en: used as
en: use children
en: using children
en: made to work
en: made to beg
en: made to steal

[trafficking]
# Child labour is the exploitation of children in production chains: "er is
# geen kinderarbeid gevonden" denies it, "mogelijk kinderarbeid" hedges it.
nl: kinderarbeid*
nl: kindarbeid*
en: child labour*
en: child labor*
nl: schuldslavernij
en: debt bondage
en: bonded labour
en: bonded labor
nl: schuld* ~3 afwerken
nl: schuld* ~3 terugbetalen
en: work off ~3 debt*
nl: verhandeld
nl: dienstbaarheid
any: sextortion
nl: mensenhandel*
nl: 273f*
nl: kinderhandel*
nl: uitbuit*
nl: *uitbuiting
nl: uitgebuit*
nl: gedwongen arbeid
nl: dwangarbeid
nl: prostitu*
nl: *prostitutie
nl: slavernij
nl: *slavernij
nl: kindslaaf
nl: kindslaven
nl: huisslaaf
nl: huisslaven
nl: huishoudelijke uitbuiting {stem}  # huishoudelijk uitbuiten
nl: huishoudelijke slavernij {stem}
nl: huishoudelijke dienstbaarheid
nl: seksueel uitgebuit
nl: criminele uitbuiting {stem}   # crimineel uitbuiten
nl: gedwongen criminaliteit
nl: gedwongen bedelarij
en: traffick*
# Not "exploit {stem}": the stem conflates the act with the actor
# ("exploiters", a cue of its own above).
en: exploitation
en: exploited
en: exploiting
en: exploit
en: exploits
en: exploitative
en: forced labour
en: forced labor
en: forced criminality
en: forced begging
en: prostitut*
en: slavery
en: enslav*
en: servitude
en: domestic servitude
en: domestic slavery
en: sexual exploitation
en: commercial sexual exploitation
en: sold

[children]
nl: kind*
nl: *kind
nl: *kinderen
nl: minderjarig*
nl: *jongeren
nl: jeugdige*
nl: meisje
nl: *meisjes
nl: meiden
nl: jongen
nl: *jongens
nl: tiener*
nl: pubers
nl: zoontje*
nl: dochter*
nl: nichtje*
nl: neefje*
nl: leerlingen
nl: scholieren
nl: amv
nl: weeskind*
nl: tienjarig*
nl: elfjarig*
nl: twaalfjarig*
nl: dertienjarig*
nl: veertienjarig*
nl: vijftienjarig*
nl: zestienjarig*
nl: zeventienjarig*
en: child*
en: *children
en: minor
en: minors
en: underage
en: youth*
en: young people
en: young person
en: juvenile*
en: girl
en: girls
en: boy
en: boys
en: teen*
en: adolescen*
en: kids
en: infants
en: orphan*
en: pupils
en: daughter*
en: sons
en: niece*
# Words that contain a children term but are about adults or institutions.
not: kinderrechter*
not: kinderombudsman
not: youth worker*
not: youth work
not: youth academy
not: youth team*
not: youth league*

[anaphor]
nl: deze groep
nl: die groep
nl: deze kinderen
nl: deze meisjes
nl: deze jongens
nl: deze jongeren
nl: deze minderjarigen
nl: dit kind
nl: deze groep kinderen
nl: zulke kinderen
nl: dergelijke kinderen
nl: de kinderen
nl: de meisjes
nl: de jongens
nl: de jongeren
nl: de minderjarigen
nl: het kind
nl: zij
nl: ze
nl: hun
nl: hen
nl: velen van hen
nl: een deel van hen
nl: sommigen van hen
nl: de meesten
en: this group
en: that group
en: these children
en: these girls
en: these boys
en: these young people
en: these minors
en: such children
en: this child
en: the children
en: the girls
en: the boys
en: the minors
en: the child
en: they
en: their
en: many of them
en: some of them
en: most of them
