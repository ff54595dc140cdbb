# evidence.lex — cues of the kind of evidence a passage reports.
#
# A passage gets the strongest evidence type whose cue it contains, in the
# order conviction, prosecution, research, official_report,
# professional_signal, media_report, policy; a cue for acquittal makes it
# acquittal. A cue in the scope of a negation ("niemand is veroordeeld") does
# not count. Where two cues overlap, the longer wins ("strafrechtelijk
# onderzoek" is prosecution, "onderzoek" alone research).

[evidence conviction]
nl: veroordeeld*
nl: veroordeling*
nl: veroordeelde
nl: schuldig bevonden
nl: schuldig verklaard
nl: bewezen verklaard
nl: bewezenverklaring
nl: gevangenisstraf*
nl: celstraf*
nl: jeugddetentie
nl: taakstraf*
nl: jaar cel
nl: maanden cel
nl: jaar celstraf
nl: onherroepelijk
nl: achtte ~3 bewezen
nl: acht ~3 bewezen
nl: bewezen geacht
en: convict*
en: sentence {stem}            # sentences, sentenced, sentencing
en: found guilty
en: found ~3 guilty
en: pleaded guilty
en: prison sentence*
en: jailed
en: imprisoned
en: years in prison

[evidence prosecution]
nl: vervolgd
nl: vervolging*
nl: strafvervolging*
nl: aangeklaagd
nl: aanklacht*
nl: verdachte*
nl: verdacht van
nl: medeplegen
nl: tenlastelegging
nl: ten laste gelegd
nl: Openbaar Ministerie
nl: OM {case}
nl: officier van justitie
nl: officier van justitie eist
nl: eist ~4 cel
nl: eiste ~4 cel
nl: eist ~4 celstraf
nl: eiste ~4 celstraf
nl: eist ~4 gevangenisstraf
nl: eiste ~4 gevangenisstraf
nl: eist ~4 taakstraf
nl: eiste ~4 taakstraf
nl: eist
nl: eiste
nl: strafeis*
nl: eis
nl: gedagvaard
nl: dagvaarding*
nl: strafzaak*
nl: rechtszaak*
nl: rechtbank
nl: aangehouden
nl: gearresteerd
nl: opgepakt
nl: arrestatie*
nl: strafrechtelijk onderzoek
nl: opsporingsonderzoek*
nl: politieonderzoek*
nl: aangifte
nl: justitie
nl: staan terecht
nl: staat terecht
nl: stonden terecht
nl: stond terecht
en: prosecut*
en: charged
en: charges
en: indicted
en: indictment*
en: arrested
en: arrest
en: arrests
en: on trial
en: stand trial
en: trial
en: court case*
en: criminal case*
en: criminal investigation*
en: police investigation*
en: defendant*
en: demanded ~4 prison
en: demands ~4 prison
en: prosecutor*

[evidence acquittal]
nl: vrijgesproken
nl: vrijspraak
nl: vrijspraken
nl: ontslag van alle rechtsvervolging
nl: niet-ontvankelijk
nl: geseponeerd
nl: sepot
en: acquitted
en: acquittal*
en: cleared of
en: found not guilty
en: not guilty
en: charges were dropped
en: charges dropped
en: case was dismissed

[evidence research]
nl: onderzoek
nl: onderzoeken
nl: onderzoekers
nl: onderzoeker
nl: *onderzoek
nl: onderzochte
nl: audit*
nl: wetenschapper*
nl: empirisch*
nl: naar schatting
nl: onderzoek wijst uit
nl: uit onderzoek blijkt
nl: blijkt uit onderzoek
nl: wetenschappelijk*
nl: studie
nl: studies
nl: enquête*
nl: interview*
nl: geïnterviewd
nl: vragenlijst*
nl: literatuurstudie
nl: promotieonderzoek
nl: hoogleraar
nl: universiteit
nl: cijfers
en: study
en: studies
en: research*
en: survey*
en: interview*
en: academic*
en: university
en: literature review
en: empirical*
en: we found
en: an estimated
en: audit*
en: findings
en: data show*
en: figures show*
en: statistics

[evidence official_report]
nl: Nationaal Rapporteur
nl: Nationaal Rapporteur Mensenhandel
nl: Nationaal Rapporteur Mensenhandel en Seksueel Geweld tegen Kinderen
nl: Expertisecentrum Mensenhandel en Mensensmokkel
nl: Taskforce Mensenhandel
nl: Taskforce Aanpak Mensenhandel
nl: rapporteur
nl: inspectie
nl: rapport van de inspectie
nl: Inspectie Justitie en Veiligheid
nl: ministerie van Justitie
nl: minister van Justitie
nl: Justitie en Veiligheid
nl: AIVD
nl: NCTV
nl: Algemene Rekenkamer
nl: Onderzoeksraad
nl: Kinderombudsman
nl: ministerie
nl: minister
nl: staatssecretaris
nl: kamerbrief*
nl: rapport
nl: rapporten
nl: jaarrapport*
nl: jaarverslag*
nl: Verenigde Naties
nl: Europese Commissie
nl: Raad van Europa
nl: inlichtingendienst*
nl: veiligheidsdienst*
nl: COA {case}
nl: VN {case}
any: GRETA {case}
any: UNICEF
any: UNODC
any: ILO {case}
any: IOM {case}
any: Europol
en: official report*
en: government report*
en: national rapporteur
en: National Rapporteur on Trafficking in Human Beings
en: Office to Monitor and Combat Trafficking in Persons
en: inspectorate
en: ministry
en: government
en: rapporteur
en: minister
en: security service*
en: intelligence service*
en: a report
en: the report
en: the reports
en: its report
en: this report
en: annual report*
en: report by
en: reports by
en: report from
en: report of the
en: police report*
en: new report
en: recent report
en: latest report
en: their report
en: that report
en: United Nations
en: UN {case}
en: European Commission
en: Council of Europe
en: State Department
en: Trafficking in Persons Report
en: TIP report
en: Home Office
en: Department of Labor
en: Department of State
en: Bureau of International Labor Affairs
en: Ofsted
en: officials

[evidence professional_signal]
nl: signalen van hulpverleners
nl: hulpverlener*
nl: hulpverlening
nl: zorgverlener*
nl: jeugdzorg
nl: jeugdinstelling*
nl: jeugdbescherming
nl: politie
nl: politiechef*
nl: wijkagent*
nl: leerplichtambtena*
nl: leerkracht*
nl: leraren
nl: docenten
nl: behandelaar*
nl: therapeut*
nl: jeugdwerker*
nl: jongerenwerker*
nl: jeugdbeschermer*
nl: *verpleegkundige
nl: *verpleegkundigen
nl: huisarts*
nl: artsen
nl: GGD
nl: Veilig Thuis
nl: CoMensha
nl: Coördinatiecentrum Mensenhandel
nl: Centrum tegen Kinderhandel en Mensenhandel
nl: CKM {case}
nl: voogd*
nl: Nidos
nl: Leger des Heils
nl: professionals
nl: signalen
nl: meldingen
nl: opvang
en: social worker*
en: care worker*
en: caseworker*
en: police
en: law enforcement
en: teacher*
en: therapist*
en: clinician*
en: nurse*
en: youth worker*
en: outreach worker*
en: attendance officer*
en: child protection services
en: doctors
en: health professional*
en: professionals
en: frontline
en: front-line
en: service provider*
any: NGO*
en: child protection
en: guardian*
en: youth care
en: shelter*
en: signals
any: ECPAT
en: anti-traffick*
en: counter-traffick*

[evidence media_report]
nl: krant*
nl: dagblad
nl: Nieuwsuur
nl: tv-programma*
nl: televisie*
nl: documentaire*
nl: journalist*
nl: media
nl: meldde
nl: berichtte
nl: onthulde
nl: NOS {case}
nl: RTL Nieuws
nl: Volkskrant
nl: NRC
nl: Trouw
nl: AD {case}
nl: Telegraaf
en: newspaper*
en: journalist*
en: reporter*
en: the paper
en: media
en: reported by
en: according to the newspaper
en: BBC
en: Guardian
en: news
en: documentary
en: press
en: investigative reporting

[evidence policy]
nl: wet
nl: wetten
nl: wetgeving
nl: wettelijk*
nl: beleid*
nl: convenant*
nl: verplicht*
nl: verbod
nl: verboden
nl: regelgeving
nl: richtlijn*
nl: verdrag*
nl: zorgplicht
nl: actieplan*
nl: maatregel*
nl: protocol*
nl: meldcode
en: law
en: laws
en: legislation
en: legal obligation*
en: policy
en: policies
en: regulation*
en: covenant*
en: convention
en: directive
en: mandatory
en: obligation*
en: banned
en: prohibited
en: action plan*
en: due diligence
en: protocol*
