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
en: recruit
en: recruits
en: recruited
en: recruiting
en: recruitment
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
nl: huishoudelijke uitbuiting
nl: huishoudelijke slavernij
nl: huishoudelijke dienstbaarheid
nl: seksueel uitgebuit
nl: criminele uitbuiting
nl: gedwongen criminaliteit
nl: gedwongen bedelarij
en: traffick*
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
