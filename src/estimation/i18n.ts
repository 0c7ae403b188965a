import { registerDictionary } from '../web/i18n.js';

registerDictionary({
  nl: {
    'nav.estimation': 'Schattingen',
    'estimation.card.title': 'Het verborgen aantal schatten',
    'estimation.card.text':
      'Schat hoeveel slachtoffers er zijn, ook wie op geen enkele lijst staat, uit de overlap tussen registraties (multiple systems estimation).',
    'audit.action.estimate.create': 'Schatting opgeslagen',
    'estimation.title': 'Schatting van het verborgen aantal',
    'estimation.intro':
      'Schat hoeveel mensen op geen enkele lijst staan uit de overlap tussen lijsten (multiple systems estimation). U levert alleen aantallen: per combinatie van lijsten hoeveel mensen erop staan.',
    'estimation.errorSummary': 'Controleer de gegevens:',
    'estimation.form.label': 'Gegevens en opties',
    'estimation.form.file': 'CSV-bestand',
    'estimation.form.fileHint':
      'Eerste regel: de namen van de lijsten en als laatste kolom het aantal, bijvoorbeeld “LA,NG,PF,count”. Daarna één regel per combinatie: 0 of 1 per lijst en het aantal personen. Hoogstens 200 kB.',
    'estimation.form.csv': 'Of plak de CSV-tekst',
    'estimation.form.csvHint': 'Wordt gebruikt als u geen bestand kiest.',
    'estimation.form.method': 'Modelkeuze',
    'estimation.form.criterion': 'Criterium (bij alle modellen)',
    'estimation.form.interval': 'Interval',
    'estimation.form.level': 'Betrouwbaarheid',
    'estimation.form.seed': 'Startgetal bootstrap',
    'estimation.form.bootstrapHint':
      'De bootstrap (1.000 herhalingen) kan hier alleen met de stapsgewijze methode of alleen hoofdeffecten en met hoogstens 6 lijsten; gebruik voor meer het commando “schakel estimate”. Zonder startgetal geldt 1234.',
    'estimation.form.submit': 'Schatten',
    'estimation.method.stepwise': 'Stapsgewijs (SparseMSE, p < 0,02)',
    'estimation.method.exhaustive': 'Alle modellen (tot 6 lijsten)',
    'estimation.method.main': 'Alleen hoofdeffecten',
    'estimation.criterion.aic': 'AIC',
    'estimation.criterion.bic': 'BIC',
    'estimation.interval.lognormal': 'Log-normaal',
    'estimation.interval.profile': 'Profiel-likelihood',
    'estimation.interval.bootstrap': 'BCa-bootstrap',
    'estimation.result': 'Uitkomst',
    'estimation.summary':
      'Naar schatting {total} mensen in totaal ({level}%-betrouwbaarheidsinterval {lower} tot {upper}): {observed} staan op ten minste één lijst, naar schatting {unobserved} op geen enkele.',
    'estimation.summaryMethod':
      'Lijsten: {lists}. Methode: {method}; interval: {interval}. Gekozen model: {model}.',
    'estimation.unbounded': 'onbegrensd',
    'estimation.warnings': 'Lees dit voordat u het getal gebruikt:',
    'estimation.warning.estimation-sparse':
      'Van de {possible} mogelijke combinaties van lijsten komen er {empty} niet voor. Bij zulke schaarse overlap hangt de schatting sterk af van het gekozen model.',
    'estimation.warning.estimation-no-overlap':
      'Deze lijsten hebben niemand gemeen: {pairs}. Controleer de koppeling, en of deze lijsten wel dezelfde mensen kunnen bevatten.',
    'estimation.warning.estimation-unstable':
      '{models} modellen die bijna even goed passen (binnen 2 AIC van het beste) geven totalen van {low} tot {high}: meer dan 20 % uiteen. De schatting is onzeker; noem de spreiding, niet één getal.',
    'estimation.warning.estimation-duplicate-history':
      'Dubbele regels voor dezelfde combinatie zijn opgeteld.',
    'estimation.warning.estimation-zero-count-rows': 'Regels met aantal 0 zijn genegeerd.',
    'estimation.warning.estimation-not-converged':
      'De berekening van het gekozen model kwam niet tot rust; de uitkomst is onbetrouwbaar.',
    'estimation.warning.estimation-interval-unbounded':
      'De gegevens begrenzen het interval aan één kant niet; daar staat “onbegrensd”.',
    'estimation.warning.estimation-bootstrap-failures':
      'Een deel van de bootstrap-herhalingen gaf geen schatting en telt niet mee in het interval.',
    'estimation.warning.estimation-models-skipped':
      'Sommige modellen zijn overgeslagen omdat de gegevens er geen schatting voor geven.',
    'estimation.warning.estimation-option-ignored':
      'Het criterium geldt alleen als alle modellen worden vergeleken.',
    'estimation.warning.estimation-main-effects-only':
      'Geen enkele samenhang tussen lijsten was significant: de schatting neemt aan dat de lijsten onafhankelijk zijn.',
    'estimation.chart.estimate.title': 'Geschat totaal met interval en het waargenomen aantal',
    'estimation.chart.estimate.desc':
      'Waargenomen: {observed} mensen. Geschat totaal: {total}, {level}%-interval van {lower} tot {upper}.',
    'estimation.chart.estimate.caption':
      'De lichtblauwe balk is het aantal mensen dat op ten minste één lijst staat (ook de stippellijn); het oranjerode vierkant is het geschatte totaal en de lijn het {level}%-interval.',
    'estimation.chart.estimate.axis': 'Aantal mensen',
    'estimation.chart.estimate.observed': 'Waargenomen',
    'estimation.chart.estimate.total': 'Geschat totaal',
    'estimation.table.estimate': 'Uitkomst in cijfers',
    'estimation.col.quantity': 'Grootheid',
    'estimation.col.people': 'Mensen',
    'estimation.observed': 'Waargenomen (op ten minste één lijst)',
    'estimation.unobserved': 'Niet waargenomen (geschat)',
    'estimation.total': 'Totaal (geschat)',
    'estimation.lower': 'Ondergrens interval',
    'estimation.upper': 'Bovengrens interval',
    'estimation.overlaps': 'Overlap tussen de lijsten',
    'estimation.chart.overlaps.title': 'Overlap tussen de lijsten',
    'estimation.chart.overlaps.desc':
      '{histories} combinaties van {lists} lijsten komen voor; de grootste is {largest} met {count} mensen.',
    'estimation.chart.overlaps.caption':
      'Elke kolom is een combinatie van lijsten (de zwarte stippen eronder): de balk is het aantal mensen dat op precies die lijsten staat; links het aantal mensen per lijst.',
    'estimation.chart.overlaps.truncated':
      'De grafiek toont de {shown} grootste van {all} combinaties; de tabel alle.',
    'estimation.chart.overlaps.barsLabel': 'Mensen per combinatie',
    'estimation.chart.overlaps.sizesLabel': 'Mensen per lijst',
    'estimation.table.histories': 'Mensen per combinatie van lijsten',
    'estimation.table.listSizes': 'Mensen per lijst',
    'estimation.col.lists': 'Lijsten',
    'estimation.col.list': 'Lijst',
    'estimation.models': 'Vergeleken modellen',
    'estimation.models.stepwise':
      'De stapsgewijze methode begint met alleen hoofdeffecten (onafhankelijke lijsten) en voegt telkens de samenhang tussen twee lijsten toe met de kleinste p-waarde, zolang die onder 0,02 ligt.',
    'estimation.models.exhaustive':
      'Van de {searched} mogelijke modellen gaven er {fitted} een schatting; hieronder de {shown} beste naar {criterion}.',
    'estimation.models.main':
      'Alleen hoofdeffecten: de lijsten worden onafhankelijk van elkaar verondersteld.',
    'estimation.table.models': 'Modellen met AIC, BIC en geschat totaal',
    'estimation.col.rank': 'Rang',
    'estimation.col.step': 'Stap',
    'estimation.col.model': 'Model',
    'estimation.col.added': 'Toegevoegde samenhang',
    'estimation.col.interactions': 'Samenhang tussen lijsten in het model',
    'estimation.col.pValue': 'p-waarde',
    'estimation.none': 'geen (onafhankelijke lijsten)',
    'estimation.col.total': 'Geschat totaal',
    'estimation.chosen': 'gekozen',
    'estimation.mainEffects': 'hoofdeffecten',
    'estimation.assumptions': 'Aannames: lees dit voordat u een getal gebruikt',
    'estimation.assumptions.intro':
      'De schatting klopt alleen voor zover deze aannames gelden. Als ze niet gelden, is de onzekerheid groter dan het interval zegt.',
    'estimation.assumption.closed': 'Gesloten populatie.',
    'estimation.assumption.closed.text':
      'Iedereen die meetelt, hoort de hele periode bij de populatie. Gebruik voor alle lijsten dezelfde periode en hetzelfde gebied.',
    'estimation.assumption.linkage': 'Geen koppelfouten.',
    'estimation.assumption.linkage.text':
      'Dezelfde persoon moet op verschillende lijsten als dezelfde worden herkend. Eén persoon die twee keer wordt geteld, maakt de schatting te hoog; twee mensen die voor één worden gehouden, te laag.',
    'estimation.assumption.heterogeneity': 'Verschillen in vindbaarheid.',
    'estimation.assumption.heterogeneity.text':
      'Mensen verschillen in hoe makkelijk ze gevonden worden. Een groep die voor elke lijst moeilijk te vinden is, blijft onzichtbaar en maakt de schatting te laag. Schat zo nodig per groep.',
    'estimation.assumption.dependence': 'Samenhang tussen lijsten.',
    'estimation.assumption.dependence.text':
      'Lijsten die elkaar mensen doorsturen, overlappen meer dan toeval. Het model vangt samenhang tussen twee lijsten op, maar niet elke vorm; daarom hangt de uitkomst van de modelkeuze af.',
    'estimation.save': 'Schatting opslaan',
    'estimation.save.title': 'Titel',
    'estimation.save.hint':
      'Bijvoorbeeld de rapportage waarin het getal staat. Opgeslagen worden alleen de aantallen, de opties en de uitkomst.',
    'estimation.save.submit': 'Schatting opslaan',
    'estimation.saved': 'Opgeslagen schattingen',
    'estimation.saved.none': 'Uw organisatie heeft nog geen schattingen opgeslagen.',
    'estimation.saved.ok': 'De schatting is opgeslagen.',
    'estimation.col.title': 'Titel',
    'estimation.col.created': 'Opgeslagen op',
    'estimation.col.by': 'Door',
    'estimation.col.interval': 'Interval',
    'estimation.col.id': 'Kenmerk',
    'estimation.back': 'Terug naar de schattingen',
    'estimation.where.lineColumn': 'Regel {line}, kolom “{column}”: ',
    'estimation.where.line': 'Regel {line}: ',
    'estimation.where.column': 'Kolom “{column}”: ',
    'estimation.error.choice': 'Kies een van de mogelijkheden.',
    'estimation.error.level': 'Kies een betrouwbaarheid tussen 50 % en 99,9 %.',
    'estimation.error.seed': 'Vul een geheel getal van 0 tot 2.147.483.647 in, of laat het leeg.',
    'estimation.error.fileTooLarge': 'Het bestand is groter dan 200 kB.',
    'estimation.error.empty': 'Kies een CSV-bestand of plak de gegevens.',
    'estimation.error.maxLength': 'De gegevens zijn langer dan 200.000 tekens.',
    'estimation.error.no-nul-character': 'Het bestand bevat een NUL-teken; is het wel een CSV-bestand?',
    'estimation.error.bootstrap-limit':
      'De bootstrap kan hier alleen met de stapsgewijze methode of alleen hoofdeffecten en met hoogstens 6 lijsten. Kies een ander interval, of gebruik het commando “schakel estimate”.',
    'estimation.error.estimation-invalid-csv':
      '{where}de regel past niet bij de kop: één kolom per lijst (naam zonder spaties of “:”) en als laatste het aantal.',
    'estimation.error.estimation-invalid-flag': '{where}een lijstkolom bevat alleen 0 of 1.',
    'estimation.error.estimation-invalid-count':
      '{where}het aantal moet een geheel getal van 0 of meer zijn.',
    'estimation.error.estimation-all-zero-row':
      '{where}een regel met alleen nullen kan niet: mensen op geen enkele lijst zijn juist wat wordt geschat.',
    'estimation.error.estimation-too-few-lists':
      '{where}er zijn ten minste 2 lijsten nodig, en een kolom met het aantal.',
    'estimation.error.estimation-too-many-lists': '{where}er kunnen hoogstens 10 lijsten zijn.',
    'estimation.error.estimation-duplicate-list': '{where}twee kolommen hebben dezelfde naam.',
    'estimation.error.estimation-empty-list': '{where}op deze lijst staat niemand; laat de kolom weg.',
    'estimation.error.estimation-no-observations': 'Alle aantallen zijn 0.',
    'estimation.error.estimation-invalid-option': 'Een van de opties is ongeldig.',
    'estimation.error.estimation-exhaustive-too-large':
      'Alle modellen vergelijken kan met hoogstens 6 lijsten; kies de stapsgewijze methode.',
    'estimation.error.estimation-no-estimate':
      'Deze gegevens geven met geen enkel model een schatting, bijvoorbeeld omdat lijsten elkaar niet overlappen of één lijst iedereen bevat.',
    'estimation.error.estimation-not-identifiable': 'Het model is met deze gegevens niet te schatten.',
    'estimation.error.estimation-unknown-interaction': 'Het model noemt een onbekende lijst.',
    'estimation.error.estimation-cancelled':
      'De berekening duurde te lang en is gestopt; kies een sneller interval.',
  },
  en: {
    'nav.estimation': 'Estimates',
    'estimation.card.title': 'Estimate the hidden number',
    'estimation.card.text':
      'Estimate how many victims there are, including those on no list, from the overlap between registrations (multiple systems estimation).',
    'audit.action.estimate.create': 'Estimate saved',
    'estimation.title': 'Estimating the hidden number',
    'estimation.intro':
      'Estimate how many people are on none of the lists from the overlap between lists (multiple systems estimation). You supply counts only: for each combination of lists, how many people are on it.',
    'estimation.errorSummary': 'Please check the data:',
    'estimation.form.label': 'Data and options',
    'estimation.form.file': 'CSV file',
    'estimation.form.fileHint':
      'First line: the names of the lists and, as the last column, the count, for example “LA,NG,PF,count”. Then one line per combination: 0 or 1 for each list and the number of people. At most 200 kB.',
    'estimation.form.csv': 'Or paste the CSV text',
    'estimation.form.csvHint': 'Used when you choose no file.',
    'estimation.form.method': 'Model choice',
    'estimation.form.criterion': 'Criterion (all models)',
    'estimation.form.interval': 'Interval',
    'estimation.form.level': 'Confidence',
    'estimation.form.seed': 'Bootstrap seed',
    'estimation.form.bootstrapHint':
      'Here the bootstrap (1,000 resamples) runs only with the stepwise method or main effects only, and with at most 6 lists; for more, use the command “schakel estimate”. Without a seed, 1234 is used.',
    'estimation.form.submit': 'Estimate',
    'estimation.method.stepwise': 'Stepwise (SparseMSE, p < 0.02)',
    'estimation.method.exhaustive': 'All models (up to 6 lists)',
    'estimation.method.main': 'Main effects only',
    'estimation.criterion.aic': 'AIC',
    'estimation.criterion.bic': 'BIC',
    'estimation.interval.lognormal': 'Log-normal',
    'estimation.interval.profile': 'Profile likelihood',
    'estimation.interval.bootstrap': 'BCa bootstrap',
    'estimation.result': 'Result',
    'estimation.summary':
      'An estimated {total} people in total ({level} % confidence interval {lower} to {upper}): {observed} are on at least one list, an estimated {unobserved} on none.',
    'estimation.summaryMethod':
      'Lists: {lists}. Method: {method}; interval: {interval}. Chosen model: {model}.',
    'estimation.unbounded': 'unbounded',
    'estimation.warnings': 'Read this before using the number:',
    'estimation.warning.estimation-sparse':
      'Of the {possible} possible combinations of lists, {empty} do not occur. With overlaps this sparse the estimate depends strongly on the model chosen.',
    'estimation.warning.estimation-no-overlap':
      'These lists have nobody in common: {pairs}. Check the linkage, and whether these lists can hold the same people at all.',
    'estimation.warning.estimation-unstable':
      '{models} models that fit almost equally well (within 2 AIC of the best) give totals from {low} to {high}: more than 20 % apart. The estimate is uncertain; report the range, not one number.',
    'estimation.warning.estimation-duplicate-history':
      'Duplicate lines for the same combination were added up.',
    'estimation.warning.estimation-zero-count-rows': 'Lines with a count of 0 were ignored.',
    'estimation.warning.estimation-not-converged':
      'The fit of the chosen model did not settle; the result is unreliable.',
    'estimation.warning.estimation-interval-unbounded':
      'The data do not bound the interval on one side; it says “unbounded” there.',
    'estimation.warning.estimation-bootstrap-failures':
      'Some bootstrap resamples gave no estimate and do not count in the interval.',
    'estimation.warning.estimation-models-skipped':
      'Some models were skipped because the data give no estimate for them.',
    'estimation.warning.estimation-option-ignored':
      'The criterion applies only when all models are compared.',
    'estimation.warning.estimation-main-effects-only':
      'No dependence between lists was significant: the estimate assumes the lists are independent.',
    'estimation.chart.estimate.title': 'Estimated total with its interval and the number observed',
    'estimation.chart.estimate.desc':
      'Observed: {observed} people. Estimated total: {total}, {level} % interval from {lower} to {upper}.',
    'estimation.chart.estimate.caption':
      'The light blue bar is the number of people on at least one list (also the dotted line); the vermilion square is the estimated total and the line its {level} % interval.',
    'estimation.chart.estimate.axis': 'Number of people',
    'estimation.chart.estimate.observed': 'Observed',
    'estimation.chart.estimate.total': 'Estimated total',
    'estimation.table.estimate': 'The result in figures',
    'estimation.col.quantity': 'Quantity',
    'estimation.col.people': 'People',
    'estimation.observed': 'Observed (on at least one list)',
    'estimation.unobserved': 'Not observed (estimated)',
    'estimation.total': 'Total (estimated)',
    'estimation.lower': 'Lower end of the interval',
    'estimation.upper': 'Upper end of the interval',
    'estimation.overlaps': 'Overlap between the lists',
    'estimation.chart.overlaps.title': 'Overlap between the lists',
    'estimation.chart.overlaps.desc':
      '{histories} combinations of {lists} lists occur; the largest is {largest} with {count} people.',
    'estimation.chart.overlaps.caption':
      'Each column is a combination of lists (the black dots below it): the bar is the number of people on exactly those lists; on the left, the number of people per list.',
    'estimation.chart.overlaps.truncated':
      'The chart shows the {shown} largest of {all} combinations; the table all.',
    'estimation.chart.overlaps.barsLabel': 'People per combination',
    'estimation.chart.overlaps.sizesLabel': 'People per list',
    'estimation.table.histories': 'People per combination of lists',
    'estimation.table.listSizes': 'People per list',
    'estimation.col.lists': 'Lists',
    'estimation.col.list': 'List',
    'estimation.models': 'Models compared',
    'estimation.models.stepwise':
      'The stepwise method starts with main effects only (independent lists) and each time adds the dependence between two lists with the smallest p-value, as long as it is below 0.02.',
    'estimation.models.exhaustive':
      'Of the {searched} possible models, {fitted} gave an estimate; below are the {shown} best by {criterion}.',
    'estimation.models.main': 'Main effects only: the lists are assumed to be independent of each other.',
    'estimation.table.models': 'Models with AIC, BIC and estimated total',
    'estimation.col.rank': 'Rank',
    'estimation.col.step': 'Step',
    'estimation.col.model': 'Model',
    'estimation.col.added': 'Dependence added',
    'estimation.col.interactions': 'Dependence between lists in the model',
    'estimation.col.pValue': 'p-value',
    'estimation.none': 'none (independent lists)',
    'estimation.col.total': 'Estimated total',
    'estimation.chosen': 'chosen',
    'estimation.mainEffects': 'main effects',
    'estimation.assumptions': 'Assumptions: read this before using a number',
    'estimation.assumptions.intro':
      'The estimate holds only as far as these assumptions do. Where they fail, the uncertainty is larger than the interval says.',
    'estimation.assumption.closed': 'Closed population.',
    'estimation.assumption.closed.text':
      'Everyone counted belongs to the population for the whole period. Use the same period and the same area for all lists.',
    'estimation.assumption.linkage': 'No linkage errors.',
    'estimation.assumption.linkage.text':
      'The same person must be recognised as the same on different lists. One person counted twice makes the estimate too high; two people taken for one, too low.',
    'estimation.assumption.heterogeneity': 'Differences in how findable people are.',
    'estimation.assumption.heterogeneity.text':
      'People differ in how easily they are found. A group that is hard to find for every list stays invisible and makes the estimate too low. Estimate per group where needed.',
    'estimation.assumption.dependence': 'Dependence between lists.',
    'estimation.assumption.dependence.text':
      'Lists that refer people to each other overlap more than chance. The model absorbs dependence between two lists, but not every kind; that is why the result depends on the choice of model.',
    'estimation.save': 'Save the estimate',
    'estimation.save.title': 'Title',
    'estimation.save.hint':
      'For example the report that cites the number. Only the counts, the options and the result are saved.',
    'estimation.save.submit': 'Save the estimate',
    'estimation.saved': 'Saved estimates',
    'estimation.saved.none': 'Your organisation has not saved any estimates yet.',
    'estimation.saved.ok': 'The estimate has been saved.',
    'estimation.col.title': 'Title',
    'estimation.col.created': 'Saved on',
    'estimation.col.by': 'By',
    'estimation.col.interval': 'Interval',
    'estimation.col.id': 'Reference',
    'estimation.back': 'Back to the estimates',
    'estimation.where.lineColumn': 'Line {line}, column “{column}”: ',
    'estimation.where.line': 'Line {line}: ',
    'estimation.where.column': 'Column “{column}”: ',
    'estimation.error.choice': 'Choose one of the options.',
    'estimation.error.level': 'Choose a confidence level between 50 % and 99.9 %.',
    'estimation.error.seed': 'Enter a whole number from 0 to 2,147,483,647, or leave it empty.',
    'estimation.error.fileTooLarge': 'The file is larger than 200 kB.',
    'estimation.error.empty': 'Choose a CSV file or paste the data.',
    'estimation.error.maxLength': 'The data are longer than 200,000 characters.',
    'estimation.error.no-nul-character': 'The file contains a NUL character; is it a CSV file?',
    'estimation.error.bootstrap-limit':
      'Here the bootstrap runs only with the stepwise method or main effects only, and with at most 6 lists. Choose another interval, or use the command “schakel estimate”.',
    'estimation.error.estimation-invalid-csv':
      '{where}the line does not match the header: one column per list (a name without spaces or “:”) and the count last.',
    'estimation.error.estimation-invalid-flag': '{where}a list column holds only 0 or 1.',
    'estimation.error.estimation-invalid-count': '{where}the count must be a whole number, 0 or more.',
    'estimation.error.estimation-all-zero-row':
      '{where}a line of zeros only is not possible: people on no list are exactly what is estimated.',
    'estimation.error.estimation-too-few-lists': '{where}at least 2 lists are needed, and a count column.',
    'estimation.error.estimation-too-many-lists': '{where}there can be at most 10 lists.',
    'estimation.error.estimation-duplicate-list': '{where}two columns have the same name.',
    'estimation.error.estimation-empty-list': '{where}nobody is on this list; leave the column out.',
    'estimation.error.estimation-no-observations': 'All counts are 0.',
    'estimation.error.estimation-invalid-option': 'One of the options is not valid.',
    'estimation.error.estimation-exhaustive-too-large':
      'Comparing all models works with at most 6 lists; choose the stepwise method.',
    'estimation.error.estimation-no-estimate':
      'No model gives an estimate from these data, for example because lists do not overlap or one list holds everybody.',
    'estimation.error.estimation-not-identifiable': 'The model cannot be estimated from these data.',
    'estimation.error.estimation-unknown-interaction': 'The model names an unknown list.',
    'estimation.error.estimation-cancelled':
      'The calculation took too long and was stopped; choose a faster interval.',
  },
});
