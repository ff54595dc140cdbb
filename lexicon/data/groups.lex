# groups.lex — the seven baseline groups of the 2017 study.
#
# A passage is about a group when one of its terms occurs in it. Terms are
# matched case- and diacritics-insensitively at word boundaries; "kind*" matches
# every word that begins with "kind", "*uitbuiting" every word that ends with it,
# "Syrische ~2 meisjes" allows up to two words in between, and a hyphen counts
# as a space ("roma-kinderen" matches "Roma kinderen" and "Roma-kinderen").
# "nl:" and "en:" terms are used for that language, "any:" for both. "not:"
# lists phrases in which a group term does not name the group.
# See docs/lexicon.md for the whole format.

[group jihadist-recruitment]
name.nl: Kinderen die (willen) aansluiten bij ISIS
name.en: Children who (want to) join ISIS
any: jihad*
any: ISIS
any: ISIL
any: Daesh
any: IS {case}
any: IS-strijder*
any: Al-Qaida
any: al-Qaeda
nl: Islamitische Staat
nl: kalifaat
nl: welpen van het kalifaat
nl: uitreiz*
nl: uitgereisd*
nl: uitreis*
nl: uit te reizen
nl: naar Syrië gingen
nl: naar Syrië gaan
nl: naar Syrië vertrokken
nl: naar Syrië vertrekken
nl: naar Syrië gereisd
nl: naar Syrië reisden
nl: Syriëganger*
nl: Syriëgang*
nl: strijdgebied*
nl: terreurbeweging*
nl: terreurgroep*
nl: terreurorganisatie*
nl: terroristische organisatie*
nl: buitenlandse strijder*
nl: radicalisering*
nl: radicaliser*
nl: geradicaliseerd*
nl: kindstrijder*
en: Islamic State
en: caliphate
en: cubs of the caliphate
en: foreign fighter*
en: foreign terrorist fighter*
en: terrorist organi*
en: terrorist group*
en: radicalisation
en: radicalization
en: radicalised
en: radicalized
en: Syria-bound
en: travelled to Syria
en: traveled to Syria
en: travel to Syria
en: left for Syria
en: went to Syria
en: lured to Syria

[group anorexia-nervosa]
name.nl: Kinderen met de eetstoornis anorexia nervosa
name.en: Children with the eating disorder anorexia nervosa
any: anorexia*
any: anorecti*
any: pro-ana
any: proana
any: pro-mia
any: promia
any: ana-coach*
any: anacoach*
any: ana-buddy
any: ana budd*
any: ana-maatje*
any: thinspiration
any: thinspo
any: boulimia
any: bulimia
nl: anorexiapatiënt*
nl: eetstoorni*
nl: eetprobleem
nl: eetproblemen
nl: afvalcoach*
nl: ondergewicht
en: anorexic*
en: eating disorder*
en: disordered eating

# Domestic servitude alone does not name this group (child brides and Roma
# girls are held in it too): its terms name undocumented children or
# exploitation within the family; the forms of exploitation are in cues.lex.
[group undocumented-family-exploitation]
name.nl: Illegaal verblijvende kinderen die binnen families worden uitgebuit
name.en: Undocumented children exploited within families
nl: ongedocumenteerd* ~2 kind*
nl: ongedocumenteerd* ~2 minderjarig*
nl: ongedocumenteerd* ~2 meisje*
nl: ongedocumenteerd* ~2 jongen*
nl: ongedocumenteerd* ~2 jongeren
nl: ongedocumenteerd* ~2 nichtje*
nl: ongedocumenteerd* ~2 neefje*
nl: ongedocumenteerd* ~2 dochter*
nl: ongedocumenteerd* ~2 stiefdochter*
nl: ongedocumenteerd* ~2 zoon*
nl: ongedocumenteerd* ~2 kleinkind*
nl: illegaal verblijvend* ~2 kind*
nl: illegaal verblijvend* ~2 kleinkind*
nl: illegaal verblijvend* ~2 meisje*
nl: illegaal verblijvend* ~2 jongen*
nl: illegaal verblijvend* ~2 minderjarig*
nl: meisje* zonder papieren
nl: jongen* zonder papieren
nl: minderjarig* zonder papieren
nl: kind zonder papieren
nl: illegaal ~3 verblijvende minderjarig*
nl: illegaal ~3 verblijvende kind*
nl: illegaal ~3 verblijvende meisje*
nl: illegaal ~3 verblijvende jongeren
nl: illegale kinderen
nl: illegale minderjarig*
nl: kinderen zonder verblijfsvergunning
nl: kinderen zonder papieren
nl: minderjarigen zonder verblijfsvergunning
nl: uitbuiting binnen ~2 famil*
nl: uitbuiting binnen ~2 gezin*
nl: uitgebuit binnen ~2 famil*
nl: uitgebuit binnen ~2 gezin*
en: undocumented ~2 child*
en: undocumented ~2 minor*
en: undocumented ~2 girl*
en: undocumented ~2 boy*
en: undocumented ~2 teenager*
en: undocumented ~2 niece*
en: undocumented ~2 nephew*
en: undocumented ~2 daughter*
en: undocumented ~2 stepdaughter*
en: undocumented ~2 son
en: undocumented ~2 sons
en: undocumented ~2 grandchild*
en: girl* without papers
en: boy* without papers
en: minor* without papers
en: child without papers
en: irregular migrant child*
en: children without papers
en: children without legal status
en: illegally staying child*
en: illegally residing child*
en: child domestic work*
en: child domestic servant*
en: exploited within ~2 famil*
en: exploitation within ~2 famil*
# Undocumented status in one sentence and the family in another: "Het
# meisje verbleef illegaal in Nederland. Haar tante liet haar dag en nacht
# werken."
near: illegaal
near: illegale
near: ongedocumenteerd*
near: undocumented
near: illegally
near: immigration status
near: verblijfsstatus
with: family-involvement

[group roma]
name.nl: Roma-kinderen
name.en: Roma children
any: Roma
any: Rroma
any: Romani
any: Sinti
nl: romakind*
nl: romagezin*
nl: romafamilie*
nl: romameisje*
nl: romajongen*
nl: romajongeren
nl: romavrouw*
nl: romaboef*
nl: romabende*
nl: romagemeenschap*
nl: romaclan*
nl: zigeuner*
en: gypsy
en: gypsies
en: Romany
not: AS Roma {case}
not: FC Roma {case}

[group supply-chain-child-labour]
name.nl: Kinderen die moeten werken in productieketens
name.en: Children who must work in production chains
nl: kinderarbeid*
nl: kinderarbeider*
nl: kindarbeid*
nl: kindslavernij
nl: werkende kinderen
nl: productieketen*
nl: toeleveringsketen*
nl: leveringsketen*
nl: waardeketen*
nl: ketenverantwoordelijkheid
nl: cacaoplantage*
nl: cacaosector
nl: cacaoteelt
nl: cacaoboer*
nl: tabaksplantage*
nl: katoenpluk*
nl: katoenveld*
nl: katoengebied*
nl: katoenteelt
nl: kledingindustrie
nl: kledingsector
nl: textielindustrie
nl: textielsector
nl: kledingfabriek*
nl: steenbakkerij*
nl: mijnwerkers
nl: IMVO
nl: imvo-convenant*
en: child labour*
en: child labor*
en: child slavery
en: working children
en: supply chain*
en: value chain*
en: production chain*
en: cocoa
en: cocoa farm*
en: garment industry
en: garment factor*
en: textile industry
en: brick kiln*
en: cotton picking
en: cotton field*
en: cotton belt
en: cotton farm*
en: mica mine*
en: cobalt mine*
# Proximity rules: children and plantations or mines in one sentence,
# either order, at most six words apart ("kinderen werken er op de
# plantages", "mines where children as young as six dig").
nl: kinder* NEAR/6 plantage*
nl: kinder* NEAR/6 mijnen
en: child* NEAR/6 plantation*
en: child* NEAR/6 mines

[group lgbt]
name.nl: LHBT-kinderen
name.en: LGBT children
nl: lhbt*
nl: lhb
nl: homo
nl: homojongen*
nl: homojongeren
nl: homoseksu*
nl: homo-ontmoetingsplaats*
nl: homoprostitu*
nl: biseksu*
nl: transjongen*
nl: transjongeren
nl: transmeisje*
nl: transkind*
nl: genderdivers*
nl: genderidentiteit
nl: seksuele oriëntatie
nl: seksuele geaardheid
nl: geaardheid
nl: seksuele diversiteit
nl: jongensprostitutie
nl: jongens in de prostitutie
nl: minderjarige jongens in de prostitutie
any: lgbt*
any: transgender*
any: queer
en: gay
en: gays
en: bisexual*
en: homosexual*
en: trans youth
en: trans young people
en: sexual orientation
en: gender identity
en: same-sex
en: sexual minorit*
en: gender minorit*
en: boys in prostitution
en: male prostitution
en: rent boys
en: boys who sell sex

[group syrian-child-brides]
name.nl: Syrische kindbruiden
name.en: Syrian child brides
nl: kindbruid*
nl: Syrische ~2 meisje*
nl: Syrisch ~2 meisje*
nl: Syrische ~2 kindhuwelijk*
nl: kindhuwelijk* onder Syrische
nl: Syrische ~2 minderjarig*
nl: Syrische ~2 bruid*
nl: Syrische ~2 echtgeno*
nl: Syrische vluchtelingenmeisje*
nl: minderjarige echtgeno*
nl: minderjarige bruid*
nl: getrouwde minderjarig*
nl: gehuwde minderjarig*
nl: verborgen vrouw*
nl: genotshuwelijk*
en: child bride*
en: Syrian ~2 girl*
en: Syrian ~2 child marriage*
en: child marriage* among Syrian*
en: Syrian ~2 minor*
en: Syrian ~2 bride*
en: Syrian ~2 wife
en: Syrian ~2 wives
en: married minor*
en: minor wife
en: minor wives
en: underage bride*
en: underage wife
en: underage wives
en: child wife
en: child wives
en: hidden women
en: pleasure marriage*
# "Syrian" names the group only beside a child-marriage term in the same
# sentence: "a poor Syrian family accepted a bride price for their daughter".
near: Syri*
with: child-marriage
