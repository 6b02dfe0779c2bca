<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr">
<context>
    <name>BackupDialog</name>
    <message>
        <source>Backups and restore</source>
        <translation>Sauvegardes et restauration</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurer…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Restaurer depuis un fichier…</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuelle</translation>
    </message>
    <message>
        <source>Last backup: {when} ({size}).</source>
        <translation>Dernière sauvegarde : {when} ({size}).</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>Aucune sauvegarde pour l'instant.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Backups (*.zip)</source>
        <translation>Sauvegardes (*.zip)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>Restore the backup {file}? The journal will become what it was then. The current data is kept as a safety copy in the data folder.</source>
        <translation>Restaurer la sauvegarde {file} ? Le journal redeviendra ce qu'il était alors. Les données actuelles sont gardées en copie de sécurité dans le dossier des données.</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Vérification de la sauvegarde…</translation>
    </message>
    <message>
        <source>Restored the backup made {when}.</source>
        <translation>Sauvegarde du {when} restaurée.</translation>
    </message>
    <message>
        <source>The previous data was kept in {path}.</source>
        <translation>Les données précédentes ont été gardées dans {path}.</translation>
    </message>
</context>
<context>
    <name>ChartsPage</name>
    <message>
        <source>Charts</source>
        <translation>Graphiques</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>3 derniers mois</translation>
    </message>
    <message>
        <source>Last 6 months</source>
        <translation>6 derniers mois</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 derniers mois</translation>
    </message>
    <message>
        <source>A year</source>
        <translation>Une année</translation>
    </message>
    <message>
        <source>Custom period</source>
        <translation>Période au choix</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Premier jour</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Dernier jour</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>from</source>
        <translation>du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG, SVG or PDF file</source>
        <translation>Enregistrer ce graphique en fichier PNG, SVG ou PDF</translation>
    </message>
    <message>
        <source>Warnings for this period</source>
        <translation>Alertes pour cette période</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>Toutes les plateformes</translation>
    </message>
    <message>
        <source>Checking the warnings for this period…</source>
        <translation>Vérification des alertes pour cette période…</translation>
    </message>
    <message>
        <source>No warnings for this period.</source>
        <translation>Aucune alerte pour cette période.</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>Chart saved to {path}.</source>
        <translation>Graphique enregistré dans {path}.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Correct an account event</source>
        <translation>Corriger un événement du compte</translation>
    </message>
    <message>
        <source>Add an account event</source>
        <translation>Ajouter un événement du compte</translation>
    </message>
    <message>
        <source>Keep a record of what the platform did to your account. If it holds money you earned, type the amount: Clickwage warns you until you record that it was resolved.</source>
        <translation>Notez ce que la plateforme a fait à votre compte. Si elle retient de l'argent que vous avez gagné, tapez le montant : Clickwage vous alerte jusqu'à ce que vous notiez que c'est résolu.</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s'est passé</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Amount held</source>
        <translation>Montant retenu</translation>
    </message>
    <message>
        <source>Leave empty if no money is involved</source>
        <translation>Laissez vide s'il n'y a pas d'argent en jeu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>What they wrote, the reason given, who you talked to…</source>
        <translation>Ce qu'ils ont écrit, le motif donné, à qui vous avez parlé…</translation>
    </message>
    <message>
        <source>They ask me to pay money to unlock my account or my balance</source>
        <translation>On me demande de payer pour débloquer mon compte ou mon solde</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Plateforme</translation>
    </message>
    <message>
        <source>&amp;What happened</source>
        <translation>&amp;Ce qui s'est passé</translation>
    </message>
    <message>
        <source>W&amp;hen</source>
        <translation>&amp;Quand</translation>
    </message>
    <message>
        <source>&amp;Amount held</source>
        <translation>&amp;Montant retenu</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Add the event</source>
        <translation>Ajouter l'événement</translation>
    </message>
    <message>
        <source>Type the balance the platform kept, so that it shows as money held.</source>
        <translation>Tapez le solde que la plateforme a gardé, pour qu'il apparaisse comme argent retenu.</translation>
    </message>
    <message>
        <source>A resolution ends the warning about money held on this platform.</source>
        <translation>Une résolution met fin à l'alerte sur l'argent retenu par cette plateforme.</translation>
    </message>
    <message>
        <source>Add a platform first.</source>
        <translation>Ajoutez d'abord une plateforme.</translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <source>Evidence</source>
        <translation>Preuves</translation>
    </message>
    <message>
        <source>Platform and period</source>
        <translation>Plateforme et période</translation>
    </message>
    <message>
        <source>Printed on the documents (optional)</source>
        <translation>Imprimé sur les documents (facultatif)</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Toutes les tâches</translation>
    </message>
    <message>
        <source>Rejected tasks only</source>
        <translation>Tâches rejetées seulement</translation>
    </message>
    <message>
        <source>Rejected and partly approved</source>
        <translation>Rejetées et acceptées en partie</translation>
    </message>
    <message>
        <source>Tasks awaiting review only</source>
        <translation>Tâches en attente de validation seulement</translation>
    </message>
    <message>
        <source>Tasks listed</source>
        <translation>Tâches listées</translation>
    </message>
    <message>
        <source>The report lists every record of the platform in the period, how and when it was entered, and the integrity data (a SHA-256 fingerprint and the audit chain head). The raw records are attached to the PDF as a CSV file.</source>
        <translation>Le rapport liste chaque enregistrement de la plateforme pendant la période, comment et quand il a été saisi, et les données d'intégrité (une empreinte SHA-256 et la tête de la chaîne d'audit). Les enregistrements bruts sont joints au PDF dans un fichier CSV.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Formal notice to pay</source>
        <translation>Mise en demeure de payer</translation>
    </message>
    <message>
        <source>GDPR request for my data</source>
        <translation>Demande d'accès à mes données (RGPD)</translation>
    </message>
    <message>
        <source>Explanation of an automated decision</source>
        <translation>Explication d'une décision automatisée</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>Fill in from the ledger</source>
        <translation>Remplir depuis le registre</translation>
    </message>
    <message>
        <source>Check and edit the text before you print it: replace the parts in [brackets]. The explanation letter lists the rejections decided in the period above.</source>
        <translation>Relisez et corrigez le texte avant de l'imprimer : remplacez les parties entre [crochets]. La lettre de demande d'explication liste les rejets décidés pendant la période ci-dessus.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Print letter…</source>
        <translation>Imprimer la lettre…</translation>
    </message>
    <message>
        <source>Save letter PDF…</source>
        <translation>Enregistrer la lettre en PDF…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédente</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivante ▶</translation>
    </message>
    <message>
        <source>Choose a platform and a period.</source>
        <translation>Choisissez une plateforme et une période.</translation>
    </message>
    <message>
        <source>Add a platform first: the documents are about one platform.</source>
        <translation>Ajoutez d'abord une plateforme : les documents portent sur une plateforme.</translation>
    </message>
    <message>
        <source>The end of the period is before its start.</source>
        <translation>La fin de la période est avant son début.</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Préparation du rapport…</translation>
    </message>
    <message>
        <source>{tasks} tasks, {pages} pages. The database check runs when you save or print. Data fingerprint (SHA-256):
{fingerprint}</source>
        <translation>{tasks} tâches, {pages} pages. La vérification de la base se fait quand vous enregistrez ou imprimez. Empreinte des données (SHA-256) :
{fingerprint}</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Écriture du PDF…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message>
        <source>The preview follows your edits.</source>
        <translation>L'aperçu suit vos modifications.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Saved {path} ({pages} pages).</source>
        <translation>{path} enregistré ({pages} pages).</translation>
    </message>
    <message>
        <source>Sent {pages} pages to the printer.</source>
        <translation>{pages} pages envoyées à l'imprimante.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
</context>
<context>
    <name>GuiContext</name>
    <message>
        <source>Clickwage</source>
        <translation>Clickwage</translation>
    </message>
</context>
<context>
    <name>IdleDialog</name>
    <message>
        <source>Welcome back</source>
        <translation>Bon retour</translation>
    </message>
    <message>
        <source>The computer was asleep or you were away from {start} to {end} ({length}) while the timer ran on {platform} ({activity}). What was that time?</source>
        <translation>L'ordinateur était en veille ou vous étiez absent de {start} à {end} ({length}) pendant que le chronomètre tournait sur {platform} ({activity}). À quoi a servi ce temps ?</translation>
    </message>
    <message>
        <source>Nobody touched the keyboard or mouse from {start} to {end} ({length}) while the timer ran on {platform} ({activity}). What was that time?</source>
        <translation>Personne n'a touché le clavier ni la souris de {start} à {end} ({length}) pendant que le chronomètre tournait sur {platform} ({activity}). À quoi a servi ce temps ?</translation>
    </message>
    <message>
        <source>Work: keep it in the session</source>
        <translation>Du travail : le garder dans la session</translation>
    </message>
    <message>
        <source>Not work: take it out (the session stops at {start} and starts again now)</source>
        <translation>Pas du travail : le retirer (la session s'arrête à {start} et reprend maintenant)</translation>
    </message>
    <message>
        <source>Count it as:</source>
        <translation>Le compter comme :</translation>
    </message>
    <message>
        <source>Activity for the time away</source>
        <translation>Activité pour le temps d'absence</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Vérification de {file}…</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Import de {file}…</translation>
    </message>
</context>
<context>
    <name>LedgerDelegate</name>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Demandeur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Gagné</translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation>Bonus</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>PJ</translation>
    </message>
    <message>
        <source>Reason given: {reason}</source>
        <translation>Motif donné : {reason}</translation>
    </message>
    <message>
        <source>Not entered: an approved task counts its reward.</source>
        <translation>Non saisi : une tâche acceptée compte sa rémunération.</translation>
    </message>
    <message>
        <source>This cell cannot be changed.</source>
        <translation>Cette case ne peut pas être modifiée.</translation>
    </message>
    <message>
        <source>Choose a status from the list.</source>
        <translation>Choisissez un statut dans la liste.</translation>
    </message>
    <message>
        <source>Too long: at most {limit} characters.</source>
        <translation>Trop long : {limit} caractères au maximum.</translation>
    </message>
    <message>
        <source>Change {what} of a task</source>
        <translation>Modifier « {what} » d'une tâche</translation>
    </message>
    <message>
        <source>The change was not saved.</source>
        <translation>La modification n'a pas été enregistrée.</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Ledger</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>Show tasks of platform</source>
        <translation>Afficher les tâches de la plateforme</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>Toutes les plateformes</translation>
    </message>
    <message>
        <source>Show tasks with status</source>
        <translation>Afficher les tâches au statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Depuis le début</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>7 derniers jours</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Le mois dernier</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <source>Between dates</source>
        <translation>Entre deux dates</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Search id, title, requester (Ctrl+F)</source>
        <translation>Chercher identifiant, titre, demandeur (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search tasks</source>
        <translation>Chercher des tâches</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Chargement</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Plateforme</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatut</translation>
    </message>
    <message>
        <source>P&amp;eriod</source>
        <translation>Pér&amp;iode</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>&amp;Set status…</source>
        <translation>&amp;Changer le statut…</translation>
    </message>
    <message>
        <source>Set the status of the selected tasks</source>
        <translation>Changer le statut des tâches sélectionnées</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected tasks</source>
        <translation>Supprimer les tâches sélectionnées</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>&amp;Joindre un fichier…</translation>
    </message>
    <message>
        <source>Attach a file to the current task</source>
        <translation>Joindre un fichier à la tâche choisie</translation>
    </message>
    <message>
        <source>Click a task first, or drop files on it.</source>
        <translation>Cliquez d'abord sur une tâche, ou déposez des fichiers dessus.</translation>
    </message>
    <message>
        <source>Files of this task</source>
        <translation>Fichiers de cette tâche</translation>
    </message>
    <message>
        <source>Files attached to the current task</source>
        <translation>Fichiers joints à la tâche choisie</translation>
    </message>
    <message>
        <source>Drop a screenshot or an e-mail on a task to keep it as proof.</source>
        <translation>Déposez une capture d'écran ou un e-mail sur une tâche pour le garder comme preuve.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open the chosen file</source>
        <translation>Ouvrir le fichier choisi</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove the chosen file from the task</source>
        <translation>Retirer le fichier choisi de la tâche</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 tâche</translation>
    </message>
    <message>
        <source>{count} tasks</source>
        <translation>{count} tâches</translation>
    </message>
    <message>
        <source>adding up…</source>
        <translation>calcul des totaux…</translation>
    </message>
    <message>
        <source>converting…</source>
        <translation>conversion…</translation>
    </message>
    <message>
        <source>earned {earned} · pending {pending} · rejected {rejected}</source>
        <translation>gagné {earned} · en attente {pending} · rejeté {rejected}</translation>
    </message>
    <message>
        <source>(converted to {currency})</source>
        <translation>(converti en {currency})</translation>
    </message>
    <message>
        <source>nothing earned yet</source>
        <translation>rien de gagné pour l'instant</translation>
    </message>
    <message>
        <source>(no exchange rate for {currencies}: add one in Settings)</source>
        <translation>(pas de taux de change pour {currencies} : ajoutez-en un dans les Réglages)</translation>
    </message>
    <message>
        <source>From {first} to {last}</source>
        <translation>Du {first} au {last}</translation>
    </message>
    <message>
        <source>Select tasks to change them together.</source>
        <translation>Sélectionnez des tâches pour les modifier ensemble.</translation>
    </message>
    <message>
        <source>1 task selected</source>
        <translation>1 tâche sélectionnée</translation>
    </message>
    <message>
        <source>{count} tasks selected</source>
        <translation>{count} tâches sélectionnées</translation>
    </message>
    <message>
        <source>Select the tasks first (click, Shift+click, Ctrl+click).</source>
        <translation>Sélectionnez d'abord les tâches (clic, Maj+clic, Ctrl+clic).</translation>
    </message>
    <message>
        <source>{count} tasks are selected; change at most {limit} at a time (narrow the list with the filters).</source>
        <translation>{count} tâches sont sélectionnées ; modifiez-en {limit} au maximum à la fois (réduisez la liste avec les filtres).</translation>
    </message>
    <message>
        <source>Set a task to {status}</source>
        <translation>Passer une tâche au statut « {status} »</translation>
    </message>
    <message>
        <source>Set {count} tasks to {status}</source>
        <translation>Passer {count} tâches au statut « {status} »</translation>
    </message>
    <message>
        <source>Undo: {text}</source>
        <translation>Annuler : {text}</translation>
    </message>
    <message>
        <source>Delete this task? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer cette tâche ? Vous pourrez l'annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete these {count} tasks? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer ces {count} tâches ? Vous pourrez l'annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Delete tasks</source>
        <translation>Supprimer des tâches</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete a task</source>
        <translation>Supprimer une tâche</translation>
    </message>
    <message>
        <source>Delete {count} tasks</source>
        <translation>Supprimer {count} tâches</translation>
    </message>
    <message>
        <source>{name} ({size} kB)</source>
        <translation>{name} ({size} ko)</translation>
    </message>
    <message>
        <source>Attach {name}</source>
        <translation>Joindre {name}</translation>
    </message>
    <message>
        <source>Attach {count} files</source>
        <translation>Joindre {count} fichiers</translation>
    </message>
    <message>
        <source>Select a task first.</source>
        <translation>Sélectionnez d'abord une tâche.</translation>
    </message>
    <message>
        <source>Attach files to the task</source>
        <translation>Joindre des fichiers à la tâche</translation>
    </message>
    <message>
        <source>Screenshots, documents, e-mails (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.eml *.msg *.txt *.html *.htm);;All files (*)</source>
        <translation>Captures d'écran, documents, e-mails (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.eml *.msg *.txt *.html *.htm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The stored copy of {name} is missing from {folder}.</source>
        <translation>La copie enregistrée de {name} manque dans {folder}.</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Retirer {name}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Clickwage</source>
        <translation>Clickwage</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Welcome and tour…</source>
        <translation>&amp;Bienvenue et visite guidée…</translation>
    </message>
    <message>
        <source>&amp;About Clickwage</source>
        <translation>À &amp;propos de Clickwage</translation>
    </message>
    <message>
        <source>About Clickwage</source>
        <translation>À propos de Clickwage</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Clickwage {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A journal of your crowd work: your real hourly wage, warnings and dispute evidence. Nothing leaves this computer.&lt;/p&gt;&lt;p&gt;Your data: {folder}&lt;/p&gt;&lt;p&gt;Licence: GNU GPL 3.0 or later. Built with Qt {qt} and PySide6 under the GNU LGPL 3: they are separate libraries in the program folder, which you may replace. Also SQLAlchemy, alembic, matplotlib, Babel and platformdirs; the licences are in LICENSE and THIRD_PARTY.md beside the program.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Clickwage {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Un journal de votre micro-travail en ligne : votre salaire horaire réel, des alertes et des preuves pour les litiges. Rien ne quitte cet ordinateur.&lt;/p&gt;&lt;p&gt;Vos données : {folder}&lt;/p&gt;&lt;p&gt;Licence : GNU GPL 3.0 ou ultérieure. Construit avec Qt {qt} et PySide6 sous GNU LGPL 3 : ce sont des bibliothèques séparées, dans le dossier du programme, que vous pouvez remplacer. Utilise aussi SQLAlchemy, alembic, matplotlib, Babel et platformdirs ; les licences sont dans LICENSE et THIRD_PARTY.md à côté du programme.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PayoutDialog</name>
    <message>
        <source>Correct a payout</source>
        <translation>Corriger un versement</translation>
    </message>
    <message>
        <source>Request a payout</source>
        <translation>Demander un versement</translation>
    </message>
    <message>
        <source>Correct what you recorded for this payout.</source>
        <translation>Corrigez ce que vous avez noté pour ce versement.</translation>
    </message>
    <message>
        <source>Record the money you asked a platform to send you. Clickwage then counts how long it takes to arrive.</source>
        <translation>Notez l'argent que vous avez demandé à une plateforme de vous envoyer. Clickwage compte ensuite le temps qu'il met à arriver.</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Amount requested</source>
        <translation>Montant demandé</translation>
    </message>
    <message>
        <source>e.g. 20.00</source>
        <translation>ex. : 20,00</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>0 if none</source>
        <translation>0 s'il n'y en a pas</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Moyen de paiement</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Virement bancaire</translation>
    </message>
    <message>
        <source>Gift card</source>
        <translation>Carte cadeau</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Transaction number, if any</source>
        <translation>Numéro de transaction, s'il y en a un</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>Demandé le</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>The platform asked me to pay money first to release this payout</source>
        <translation>La plateforme m'a demandé de payer d'abord pour débloquer ce versement</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Plateforme</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>&amp;Montant</translation>
    </message>
    <message>
        <source>&amp;Fee</source>
        <translation>&amp;Frais</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>M&amp;oyen</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Référence</translation>
    </message>
    <message>
        <source>Re&amp;quested on</source>
        <translation>&amp;Demandé le</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Record the request</source>
        <translation>Enregistrer la demande</translation>
    </message>
    <message>
        <source>Add a platform first, on the Platforms page.</source>
        <translation>Ajoutez d'abord une plateforme, sur la page Plateformes.</translation>
    </message>
    <message>
        <source>Type the amount you asked for, e.g. 20.00.</source>
        <translation>Tapez le montant demandé, par exemple 20,00.</translation>
    </message>
</context>
<context>
    <name>PayoutsPage</name>
    <message>
        <source>1 day</source>
        <translation>1 jour</translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation>{days} jours</translation>
    </message>
    <message>
        <source>The money you asked the platforms to send you, and how long it took to arrive. A delay longer than you accept from that platform is shown in red; payouts still waiting are shown in yellow.</source>
        <translation>L'argent que vous avez demandé aux plateformes de vous envoyer, et le temps qu'il a mis à arriver. Un délai plus long que ce que vous acceptez de cette plateforme est en rouge ; les versements encore en attente sont en jaune.</translation>
    </message>
    <message>
        <source>Payouts</source>
        <translation>Versements</translation>
    </message>
    <message>
        <source>Show the payouts of</source>
        <translation>Afficher les versements de</translation>
    </message>
    <message>
        <source>Which payouts</source>
        <translation>Quels versements</translation>
    </message>
    <message>
        <source>All payouts</source>
        <translation>Tous les versements</translation>
    </message>
    <message>
        <source>Waiting only</source>
        <translation>En attente seulement</translation>
    </message>
    <message>
        <source>Late only</source>
        <translation>En retard seulement</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plateforme :</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Affi&amp;cher :</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>Demandé le</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Arrived as</source>
        <translation>Montant reçu</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Frais</translation>
    </message>
    <message>
        <source>&amp;Request a payout…</source>
        <translation>De&amp;mander un versement…</translation>
    </message>
    <message>
        <source>Mark rece&amp;ived…</source>
        <translation>Marquer &amp;reçu…</translation>
    </message>
    <message>
        <source>C&amp;orrect…</source>
        <translation>C&amp;orriger…</translation>
    </message>
    <message>
        <source>I &amp;cancelled it</source>
        <translation>Je l'ai a&amp;nnulé</translation>
    </message>
    <message>
        <source>The platform ref&amp;used it</source>
        <translation>La plateforme l'a ref&amp;usé</translation>
    </message>
    <message>
        <source>&amp;Waiting again</source>
        <translation>&amp;En attente à nouveau</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>Toutes les plateformes</translation>
    </message>
    <message>
        <source>No payout recorded yet. When you ask a platform to pay you, press “Request a payout…” to follow it.</source>
        <translation>Aucun versement noté pour l'instant. Quand vous demandez à une plateforme de vous payer, cliquez sur « Demander un versement… » pour le suivre.</translation>
    </message>
    <message>
        <source>No payout is waiting.</source>
        <translation>Aucun versement en attente.</translation>
    </message>
    <message>
        <source>1 payout is waiting: {amounts}.</source>
        <translation>1 versement en attente : {amounts}.</translation>
    </message>
    <message>
        <source>{count} payouts are waiting: {amounts} in all.</source>
        <translation>{count} versements en attente : {amounts} au total.</translation>
    </message>
    <message>
        <source>{platform} has kept one waiting for {delay}.</source>
        <translation>{platform} en fait attendre un depuis {delay}.</translation>
    </message>
    <message>
        <source>1 payout took longer than you accept (in red).</source>
        <translation>1 versement a mis plus longtemps que ce que vous acceptez (en rouge).</translation>
    </message>
    <message>
        <source>{count} payouts took longer than you accept (in red).</source>
        <translation>{count} versements ont mis plus longtemps que ce que vous acceptez (en rouge).</translation>
    </message>
    <message>
        <source>{delay} (limit {limit})</source>
        <translation>{delay} (limite {limit})</translation>
    </message>
    <message>
        <source>{delay} so far</source>
        <translation>{delay} jusqu'ici</translation>
    </message>
    <message>
        <source>Longer than the {limit} days you accept from {platform}.</source>
        <translation>Plus long que les {limit} jours que vous acceptez de {platform}.</translation>
    </message>
    <message>
        <source>Add a platform first, on the Platforms page; then request a payout.</source>
        <translation>Ajoutez d'abord une plateforme, sur la page Plateformes ; puis demandez un versement.</translation>
    </message>
    <message>
        <source>Request a payout</source>
        <translation>Demander un versement</translation>
    </message>
    <message>
        <source>Mark a payout received</source>
        <translation>Marquer un versement reçu</translation>
    </message>
    <message>
        <source>Correct a payout</source>
        <translation>Corriger un versement</translation>
    </message>
    <message>
        <source>Cancel a payout request</source>
        <translation>Annuler une demande de versement</translation>
    </message>
    <message>
        <source>Mark a payout refused</source>
        <translation>Marquer un versement refusé</translation>
    </message>
    <message>
        <source>Mark a payout waiting again</source>
        <translation>Remettre un versement en attente</translation>
    </message>
    <message>
        <source>Delete a payout</source>
        <translation>Supprimer un versement</translation>
    </message>
    <message>
        <source>Delete the payout of {amount} requested from {platform} on {date}? You can undo this with Ctrl+Z.</source>
        <translation>Supprimer le versement de {amount} demandé à {platform} le {date} ? Vous pourrez l'annuler avec Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>PlatformDialog</name>
    <message>
        <source>Edit {platform}</source>
        <translation>Modifier {platform}</translation>
    </message>
    <message>
        <source>Add a platform</source>
        <translation>Ajouter une plateforme</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>e.g. Prolific</source>
        <translation>ex. : Prolific</translation>
    </message>
    <message>
        <source>Currency it pays in</source>
        <translation>Devise de paiement</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Adresse web</translation>
    </message>
    <message>
        <source>Your account or worker ID</source>
        <translation>Votre compte ou identifiant de travailleur</translation>
    </message>
    <message>
        <source>Limits for this platform only. Leave them on your default to use the ones in Settings.</source>
        <translation>Limites pour cette plateforme seulement. Laissez-les sur « Par défaut » pour utiliser celles des Réglages.</translation>
    </message>
    <message>
        <source>Lowest acceptable hourly wage</source>
        <translation>Salaire horaire minimum acceptable</translation>
    </message>
    <message>
        <source>Your default: {amount}</source>
        <translation>Par défaut : {amount}</translation>
    </message>
    <message>
        <source>{currency} an hour</source>
        <translation>{currency} de l'heure</translation>
    </message>
    <message>
        <source>Longest acceptable payout delay</source>
        <translation>Délai de versement maximal acceptable</translation>
    </message>
    <message>
        <source>Longest acceptable review wait</source>
        <translation>Attente de validation maximale acceptable</translation>
    </message>
    <message>
        <source>Archived: I no longer work on this platform (its records stay)</source>
        <translation>Archivée : je ne travaille plus sur cette plateforme (ses enregistrements restent)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>&amp;Devise</translation>
    </message>
    <message>
        <source>&amp;Web address</source>
        <translation>Adresse &amp;web</translation>
    </message>
    <message>
        <source>Your a&amp;ccount</source>
        <translation>Votre &amp;compte</translation>
    </message>
    <message>
        <source>&amp;Lowest wage</source>
        <translation>&amp;Salaire minimum</translation>
    </message>
    <message>
        <source>Payouts &amp;within</source>
        <translation>&amp;Versements sous</translation>
    </message>
    <message>
        <source>&amp;Reviews within</source>
        <translation>Va&amp;lidation sous</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Add the platform</source>
        <translation>Ajouter la plateforme</translation>
    </message>
    <message>
        <source>Your default ({days} days)</source>
        <translation>Par défaut ({days} jours)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Type the platform's name.</source>
        <translation>Tapez le nom de la plateforme.</translation>
    </message>
</context>
<context>
    <name>PlatformsPage</name>
    <message>
        <source>Platforms</source>
        <translation>Plateformes</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Real hourly wage</source>
        <translation>Salaire horaire réel</translation>
    </message>
    <message>
        <source>Hours worked</source>
        <translation>Temps travaillé</translation>
    </message>
    <message>
        <source>Unpaid time</source>
        <translation>Temps non payé</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejets</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Slowest payout</source>
        <translation>Versement le plus lent</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>&amp;Add a platform…</source>
        <translation>A&amp;jouter une plateforme…</translation>
    </message>
    <message>
        <source>Edi&amp;t the platform…</source>
        <translation>&amp;Modifier la plateforme…</translation>
    </message>
    <message>
        <source>A&amp;rchive</source>
        <translation>A&amp;rchiver</translation>
    </message>
    <message>
        <source>&amp;Show archived platforms</source>
        <translation>Afficher les plateformes arc&amp;hivées</translation>
    </message>
    <message>
        <source>Change &amp;limits…</source>
        <translation>Changer les l&amp;imites…</translation>
    </message>
    <message>
        <source>&amp;Warning signs…</source>
        <translation>&amp;Signes d'arnaque…</translation>
    </message>
    <message>
        <source>Record scam warning signs</source>
        <translation>Noter des signes d'arnaque</translation>
    </message>
    <message>
        <source>Account history</source>
        <translation>Historique du compte</translation>
    </message>
    <message>
        <source>Nothing recorded yet. Add an event when the platform suspends or closes your account, holds your money, or writes to you: it becomes evidence.</source>
        <translation>Rien de noté pour l'instant. Ajoutez un événement quand la plateforme suspend ou ferme votre compte, retient votre argent ou vous écrit : cela devient une preuve.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s'est passé</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Add an account e&amp;vent…</source>
        <translation>Ajouter un é&amp;vénement…</translation>
    </message>
    <message>
        <source>C&amp;orrect the event…</source>
        <translation>C&amp;orriger l'événement…</translation>
    </message>
    <message>
        <source>&amp;Delete the event</source>
        <translation>Supprimer l'évé&amp;nement</translation>
    </message>
    <message>
        <source>How each platform treated you over the last {days} days, counting the unpaid time spent searching, on qualifications and on messages. Choose a platform to see its warnings and its account history.</source>
        <translation>Comment chaque plateforme vous a traité ces {days} derniers jours, en comptant le temps non payé passé à chercher du travail, aux qualifications et aux messages. Choisissez une plateforme pour voir ses alertes et l'historique du compte.</translation>
    </message>
    <message>
        <source>{platform} (archived)</source>
        <translation>{platform} (archivée)</translation>
    </message>
    <message>
        <source>An exchange rate to {home} is missing.</source>
        <translation>Il manque un taux de change vers {home}.</translation>
    </message>
    <message>
        <source>No work time recorded.</source>
        <translation>Aucun temps de travail noté.</translation>
    </message>
    <message>
        <source>What you earned, less fees, divided by all the time you spent, paid or not.</source>
        <translation>Ce que vous avez gagné, moins les frais, divisé par tout le temps passé, payé ou non.</translation>
    </message>
    <message>
        <source>{time} unpaid: searching, qualifications, messages, payments.</source>
        <translation>{time} non payé : recherche, qualifications, messages, paiements.</translation>
    </message>
    <message>
        <source>No task decided yet.</source>
        <translation>Aucune tâche évaluée pour l'instant.</translation>
    </message>
    <message>
        <source>{rejected} of {decided} decided tasks rejected.</source>
        <translation>{rejected} tâches rejetées sur {decided} évaluées.</translation>
    </message>
    <message>
        <source>{count} tasks waiting for the requester's decision.</source>
        <translation>{count} tâches attendent la décision du demandeur.</translation>
    </message>
    <message>
        <source>No payout over this period.</source>
        <translation>Aucun versement sur cette période.</translation>
    </message>
    <message>
        <source>{delay}, still waiting</source>
        <translation>{delay}, en attente</translation>
    </message>
    <message>
        <source>Longer than the {limit} days you accept from {platform}.</source>
        <translation>Plus long que les {limit} jours que vous acceptez de {platform}.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Money held: {amount}</source>
        <translation>Argent retenu : {amount}</translation>
    </message>
    <message>
        <source>Low wage</source>
        <translation>Salaire bas</translation>
    </message>
    <message>
        <source>Slow payouts</source>
        <translation>Versements lents</translation>
    </message>
    <message>
        <source>Many rejections</source>
        <translation>Beaucoup de rejets</translation>
    </message>
    <message>
        <source>Reviews overdue</source>
        <translation>Validations en retard</translation>
    </message>
    <message>
        <source>Exchange rate missing</source>
        <translation>Taux de change manquant</translation>
    </message>
    <message>
        <source>Scam warning</source>
        <translation>Alerte arnaque</translation>
    </message>
    <message>
        <source>B&amp;ring back</source>
        <translation>&amp;Réactiver</translation>
    </message>
    <message>
        <source>No platform yet</source>
        <translation>Aucune plateforme pour l'instant</translation>
    </message>
    <message>
        <source>Add the platforms you work on to follow your real wage on each.</source>
        <translation>Ajoutez les plateformes où vous travaillez pour suivre votre salaire réel sur chacune.</translation>
    </message>
    <message>
        <source>{platform}: warnings and history</source>
        <translation>{platform} : alertes et historique</translation>
    </message>
    <message>
        <source>No warning</source>
        <translation>Aucune alerte</translation>
    </message>
    <message>
        <source>Nothing on {platform} went past your limits over the last {days} days.</source>
        <translation>Rien sur {platform} n'a dépassé vos limites ces {days} derniers jours.</translation>
    </message>
    <message>
        <source>Only {time} of work recorded here lately: too little to judge the wage (Clickwage waits for {hours} h).</source>
        <translation>Seulement {time} de travail noté ici récemment : trop peu pour juger le salaire (Clickwage attend {hours} h).</translation>
    </message>
    <message>
        <source>set for this platform</source>
        <translation>propre à cette plateforme</translation>
    </message>
    <message>
        <source>your default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <source>Your limits for {platform}: at least {wage} an hour ({wage_source}); paid within {payout_days} days ({payout_source}); reviewed within {review_days} days ({review_source}).</source>
        <translation>Vos limites pour {platform} : au moins {wage} de l'heure ({wage_source}) ; versement sous {payout_days} jours ({payout_source}) ; validation sous {review_days} jours ({review_source}).</translation>
    </message>
    <message>
        <source>Add a platform</source>
        <translation>Ajouter une plateforme</translation>
    </message>
    <message>
        <source>Edit {platform}</source>
        <translation>Modifier {platform}</translation>
    </message>
    <message>
        <source>Archive {platform}</source>
        <translation>Archiver {platform}</translation>
    </message>
    <message>
        <source>Bring back {platform}</source>
        <translation>Réactiver {platform}</translation>
    </message>
    <message>
        <source>Add an account event</source>
        <translation>Ajouter un événement du compte</translation>
    </message>
    <message>
        <source>Correct an account event</source>
        <translation>Corriger un événement du compte</translation>
    </message>
    <message>
        <source>Delete an account event</source>
        <translation>Supprimer un événement du compte</translation>
    </message>
    <message>
        <source>Delete “{kind}” on {platform} from {date}? You can undo this with Ctrl+Z.</source>
        <translation>Supprimer « {kind} » sur {platform} du {date} ? Vous pourrez l'annuler avec Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Mark a payout received</source>
        <translation>Marquer un versement reçu</translation>
    </message>
    <message>
        <source>{amount} from {platform}, requested on {date}. When did it arrive?</source>
        <translation>{amount} de {platform}, demandé le {date}. Quand est-il arrivé ?</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>Amount that arrived</source>
        <translation>Montant arrivé</translation>
    </message>
    <message>
        <source>Empty: the amount requested</source>
        <translation>Vide : le montant demandé</translation>
    </message>
    <message>
        <source>Currency that arrived</source>
        <translation>Devise reçue</translation>
    </message>
    <message>
        <source>If the money arrived in another currency (PayPal or your bank converted it), type the amount you really received and choose its currency.</source>
        <translation>Si l'argent est arrivé dans une autre devise (PayPal ou votre banque l'a converti), tapez le montant vraiment reçu et choisissez sa devise.</translation>
    </message>
    <message>
        <source>&amp;Received on</source>
        <translation>&amp;Reçu le</translation>
    </message>
    <message>
        <source>Amount &amp;that arrived</source>
        <translation>&amp;Montant arrivé</translation>
    </message>
    <message>
        <source>Mark received</source>
        <translation>Marquer reçu</translation>
    </message>
</context>
<context>
    <name>ScamSignsDialog</name>
    <message>
        <source>Warning signs: {platform}</source>
        <translation>Signes d'arnaque : {platform}</translation>
    </message>
    <message>
        <source>Tick each sign you have met on {platform}. Any of them raises a scam warning for it, on the Platforms page, in your reports and in your evidence.</source>
        <translation>Cochez chaque signe que vous avez vu sur {platform}. Un seul suffit pour une alerte arnaque, sur la page Plateformes, dans vos rapports et dans vos preuves.</translation>
    </message>
    <message>
        <source>Warning signs</source>
        <translation>Signes d'arnaque</translation>
    </message>
    <message>
        <source>This platform shows signs of a scam. Do not send it any more money, whatever it promises.</source>
        <translation>Cette plateforme montre des signes d'arnaque. Ne lui envoyez plus d'argent, quoi qu'elle promette.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Que faire</translation>
    </message>
    <message>
        <source>Where to report it in {country}</source>
        <translation>Où la signaler ({country})</translation>
    </message>
    <message>
        <source>Where to report it</source>
        <translation>Où la signaler</translation>
    </message>
    <message>
        <source>Warning signs for {platform}</source>
        <translation>Signes d'arnaque pour {platform}</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Correct a session</source>
        <translation>Corriger une session</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Changes are saved when you press Enter or leave a field. Undo them with Edit ▸ Undo (Ctrl+Z).</source>
        <translation>Les modifications sont enregistrées quand vous appuyez sur Entrée ou quittez un champ. Annulez-les avec Édition ▸ Annuler (Ctrl+Z).</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Currency and minimum wage</source>
        <translation>Devise et salaire minimum</translation>
    </message>
    <message>
        <source>Totals and hourly wages are shown in this currency; other currencies are converted with the exchange rates below.</source>
        <translation>Les totaux et les salaires horaires sont affichés dans cette devise ; les autres devises sont converties avec les taux de change ci-dessous.</translation>
    </message>
    <message>
        <source>A platform that pays you less than this for an hour of your time is flagged.</source>
        <translation>Une plateforme qui vous paie moins que cela pour une heure de votre temps est signalée.</translation>
    </message>
    <message>
        <source>Statutory minimum wages (choose your country and press Enter, or type your own figure above):</source>
        <translation>Salaires minimums légaux (choisissez votre pays et appuyez sur Entrée, ou tapez votre propre montant ci-dessus) :</translation>
    </message>
    <message>
        <source>Statutory minimum wages by country</source>
        <translation>Salaires minimums légaux par pays</translation>
    </message>
    <message>
        <source>Use this minimum wage</source>
        <translation>Utiliser ce salaire minimum</translation>
    </message>
    <message>
        <source>{country} — {amount} an hour, since {date}</source>
        <translation>{country} — {amount} de l'heure, depuis le {date}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Source : {source}</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>When a platform crosses one of these limits, Clickwage warns you and the evidence report says so.</source>
        <translation>Quand une plateforme dépasse une de ces limites, Clickwage vous alerte et le rapport de preuve le signale.</translation>
    </message>
    <message>
        <source>Exchange rates</source>
        <translation>Taux de change</translation>
    </message>
    <message>
        <source>Delete the selected rate</source>
        <translation>Supprimer le taux sélectionné</translation>
    </message>
    <message>
        <source>e.g. GBP</source>
        <translation>ex. : GBP</translation>
    </message>
    <message>
        <source>Currency of the new rate</source>
        <translation>Devise du nouveau taux</translation>
    </message>
    <message>
        <source>e.g. 1.17</source>
        <translation>ex. : 1,17</translation>
    </message>
    <message>
        <source>New rate</source>
        <translation>Nouveau taux</translation>
    </message>
    <message>
        <source>New rate valid from</source>
        <translation>Nouveau taux valable à partir du</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valable à partir du</translation>
    </message>
    <message>
        <source>Add the rate</source>
        <translation>Ajouter le taux</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Language of the window, reports and letters</source>
        <translation>Langue de la fenêtre, des rapports et des lettres</translation>
    </message>
    <message>
        <source>The system's language ({language})</source>
        <translation>La langue du système ({language})</translation>
    </message>
    <message>
        <source>Clickwage will use this language the next time it starts.</source>
        <translation>Clickwage utilisera cette langue au prochain démarrage.</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Vos données</translation>
    </message>
    <message>
        <source>Everything you record is kept in this folder, on this computer only. Nothing leaves the computer: Clickwage never opens a network connection.</source>
        <translation>Tout ce que vous notez est gardé dans ce dossier, sur cet ordinateur seulement. Rien ne quitte l'ordinateur : Clickwage n'ouvre jamais de connexion réseau.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <source>{currency} an hour</source>
        <translation>{currency} de l'heure</translation>
    </message>
    <message>
        <source>How many {home} one unit of another currency is worth. Each amount is converted at the rate valid on its own date.</source>
        <translation>Combien de {home} vaut une unité d'une autre devise. Chaque montant est converti au taux valable à sa propre date.</translation>
    </message>
    <message>
        <source>Rate in {home}</source>
        <translation>Taux en {home}</translation>
    </message>
    <message>
        <source>1 unit in {home}</source>
        <translation>1 unité en {home}</translation>
    </message>
    <message>
        <source>Change “{setting}”</source>
        <translation>Modifier « {setting} »</translation>
    </message>
    <message>
        <source>Choose a country in the list first.</source>
        <translation>Choisissez d'abord un pays dans la liste.</translation>
    </message>
    <message>
        <source>Use the minimum wage of {country}</source>
        <translation>Utiliser le salaire minimum ({country})</translation>
    </message>
    <message>
        <source>Minimum wage in another currency</source>
        <translation>Salaire minimum dans une autre devise</translation>
    </message>
    <message>
        <source>The minimum wage of {country} is in {currency}, and your home currency is {home}. Make {currency} your home currency too?</source>
        <translation>Le salaire minimum ({country}) est en {currency}, et votre devise principale est {home}. Faire aussi de {currency} votre devise principale ?</translation>
    </message>
    <message>
        <source>If you keep {home}, the figure is converted at your latest exchange rate for {currency}.</source>
        <translation>Si vous gardez {home}, le montant est converti à votre dernier taux de change pour {currency}.</translation>
    </message>
    <message>
        <source>There is no exchange rate for {currency} yet: add one below, or make {currency} your home currency.</source>
        <translation>Il n'y a pas encore de taux de change pour {currency} : ajoutez-en un ci-dessous, ou faites de {currency} votre devise principale.</translation>
    </message>
    <message>
        <source>Change the language</source>
        <translation>Changer la langue</translation>
    </message>
    <message>
        <source>Could not open {folder}.</source>
        <translation>Impossible d'ouvrir {folder}.</translation>
    </message>
    <message>
        <source>Add an exchange rate</source>
        <translation>Ajouter un taux de change</translation>
    </message>
    <message>
        <source>Delete an exchange rate</source>
        <translation>Supprimer un taux de change</translation>
    </message>
</context>
<context>
    <name>TimerTray</name>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>Switch activity</source>
        <translation>Changer d'activité</translation>
    </message>
    <message>
        <source>Open Clickwage</source>
        <translation>Ouvrir Clickwage</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Clickwage: running on {platform} ({activity})</source>
        <translation>Clickwage : en cours sur {platform} ({activity})</translation>
    </message>
    <message>
        <source>Clickwage: the timer is stopped</source>
        <translation>Clickwage : le chronomètre est arrêté</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Aujourd'hui</translation>
    </message>
    <message>
        <source>Stop time</source>
        <translation>Heure d'arrêt</translation>
    </message>
    <message>
        <source>Keep it running</source>
        <translation>Le laisser tourner</translation>
    </message>
    <message>
        <source>Stop it at this time</source>
        <translation>L'arrêter à cette heure</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Chronomètre</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Working on</source>
        <translation>Je fais</translation>
    </message>
    <message>
        <source>Today so far</source>
        <translation>Aujourd'hui jusqu'ici</translation>
    </message>
    <message>
        <source>Paid time</source>
        <translation>Temps payé</translation>
    </message>
    <message>
        <source>Unpaid time</source>
        <translation>Temps non payé</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>Gagné</translation>
    </message>
    <message>
        <source>Real hourly wage</source>
        <translation>Salaire horaire réel</translation>
    </message>
    <message>
        <source>Today's sessions</source>
        <translation>Sessions du jour</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Start</source>
        <comment>column: when a session began</comment>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Corriger…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Quick task entry</source>
        <translation>Saisie rapide d'une tâche</translation>
    </message>
    <message>
        <source>Task id (optional)</source>
        <translation>ID tâche (facultatif)</translation>
    </message>
    <message>
        <source>Task id</source>
        <translation>Identifiant de la tâche</translation>
    </message>
    <message>
        <source>Reward, e.g. 1.50</source>
        <translation>Tarif, ex. : 1,50</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Ajouter la tâche</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Start or stop the timer</source>
        <translation>Démarrer ou arrêter le chronomètre</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nouvelle tâche</translation>
    </message>
    <message>
        <source>Add a platform…</source>
        <translation>Ajouter une plateforme…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Running on {platform} since {time}.</source>
        <translation>En cours sur {platform} depuis {time}.</translation>
    </message>
    <message>
        <source>The timer is stopped. Pick a platform and what you are doing, then press Start (Ctrl+Space).</source>
        <translation>Le chronomètre est arrêté. Choisissez une plateforme et ce que vous faites, puis appuyez sur Démarrer (Ctrl+Espace).</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>Below your minimum of {threshold} an hour.</source>
        <translation>Sous votre minimum de {threshold} de l'heure.</translation>
    </message>
    <message>
        <source>At or above your minimum of {threshold} an hour.</source>
        <translation>Égal ou supérieur à votre minimum de {threshold} de l'heure.</translation>
    </message>
    <message>
        <source>A session on {platform} has been running since {time}. Keep it, or stop it at the time you really stopped:</source>
        <translation>Une session sur {platform} tourne depuis {time}. Gardez-la, ou arrêtez-la à l'heure où vous avez vraiment arrêté :</translation>
    </message>
    <message>
        <source>Still working? The timer on {platform} has run for {hours} hours without you touching Clickwage. Keep it, or stop it at the time you stopped:</source>
        <translation>Toujours au travail ? Le chronomètre sur {platform} tourne depuis {hours} heures sans que vous ayez touché à Clickwage. Gardez-le, ou arrêtez-le à l'heure où vous avez arrêté :</translation>
    </message>
    <message>
        <source>Start the timer</source>
        <translation>Démarrer le chronomètre</translation>
    </message>
    <message>
        <source>Stop the timer</source>
        <translation>Arrêter le chronomètre</translation>
    </message>
    <message>
        <source>Switch activity</source>
        <translation>Changer d'activité</translation>
    </message>
    <message>
        <source>Switch platform</source>
        <translation>Changer de plateforme</translation>
    </message>
    <message>
        <source>Add a platform</source>
        <translation>Ajouter une plateforme</translation>
    </message>
    <message>
        <source>Name of the platform (e.g. Prolific):</source>
        <translation>Nom de la plateforme (ex. : Prolific) :</translation>
    </message>
    <message>
        <source>Currency it pays in (ISO code, e.g. GBP, USD, EUR):</source>
        <translation>Devise de paiement (code ISO, ex. : GBP, USD, EUR) :</translation>
    </message>
    <message>
        <source>Choose a platform first.</source>
        <translation>Choisissez d'abord une plateforme.</translation>
    </message>
    <message>
        <source>Type the reward, e.g. 1.50.</source>
        <translation>Tapez le tarif, par exemple 1,50.</translation>
    </message>
    <message>
        <source>Correct a session</source>
        <translation>Corriger une session</translation>
    </message>
    <message>
        <source>Delete a session</source>
        <translation>Supprimer une session</translation>
    </message>
    <message>
        <source>Delete the {activity} session on {platform} that started at {time}? You can undo this with Ctrl+Z.</source>
        <translation>Supprimer la session « {activity} » sur {platform} commencée à {time} ? Vous pourrez l'annuler avec Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>TourDialog</name>
    <message>
        <source>A quick tour</source>
        <translation>Petite visite guidée</translation>
    </message>
    <message>
        <source>Start the timer when you start working, and say what you are doing: tasks, searching for work, qualification tests, messages or payments. Unpaid time counts in your real hourly wage. Note each task here as you submit it.</source>
        <translation>Démarrez le chronomètre quand vous commencez à travailler, et dites ce que vous faites : tâches, recherche de travail, tests de qualification, messages ou paiements. Le temps non payé compte dans votre salaire horaire réel. Notez ici chaque tâche quand vous l'envoyez.</translation>
    </message>
    <message>
        <source>Every task you have recorded, with its reward and its status. When a platform approves, rejects or returns a task, change its status here; select several rows to change them at once.</source>
        <translation>Toutes les tâches que vous avez notées, avec leur rémunération et leur statut. Quand une plateforme accepte, rejette ou rend une tâche, changez son statut ici ; sélectionnez plusieurs lignes pour les modifier d'un coup.</translation>
    </message>
    <message>
        <source>When a platform does not pay, choose it and a period: print or save a report that its support, a labour inspector, a union or a court can read, and ready-made letters.</source>
        <translation>Quand une plateforme ne paie pas, choisissez-la avec une période : imprimez ou enregistrez un rapport lisible par son support, l'inspection du travail, un syndicat ou un tribunal, et des lettres toutes prêtes.</translation>
    </message>
    <message>
        <source>S&amp;kip the tour</source>
        <translation>&amp;Passer la visite</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>{step} of {total} — {page}</source>
        <translation>{step} sur {total} — {page}</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Terminé</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Clickwage</source>
        <translation>Bienvenue dans Clickwage</translation>
    </message>
    <message>
        <source>Clickwage keeps a journal of your crowd work: the time it takes, what it pays, and your real hourly wage. A few questions to set it up; you can change every answer later in Settings.</source>
        <translation>Clickwage tient un journal de votre micro-travail en ligne : le temps qu'il prend, ce qu'il paie et votre salaire horaire réel. Quelques questions pour le configurer ; vous pourrez changer chaque réponse plus tard dans les Réglages.</translation>
    </message>
    <message>
        <source>&amp;Start using Clickwage</source>
        <translation>&amp;Commencer avec Clickwage</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>Pass&amp;er</translation>
    </message>
    <message>
        <source>Keep the defaults. You can come back here from Help ▸ Welcome and tour.</source>
        <translation>Garder les valeurs par défaut. Vous pourrez revenir ici depuis Aide ▸ Bienvenue et visite guidée.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The system's language ({language})</source>
        <translation>La langue du système ({language})</translation>
    </message>
    <message>
        <source>Clickwage will use this language the next time it starts.</source>
        <translation>Clickwage utilisera cette langue au prochain démarrage.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Your country, currency and minimum wage</source>
        <translation>Votre pays, votre devise et le salaire minimum</translation>
    </message>
    <message>
        <source>Clickwage warns you when a platform pays less than this hourly wage, counting the unpaid time (searching, tests, messages).</source>
        <translation>Clickwage vous alerte quand une plateforme paie moins que ce salaire horaire, en comptant le temps non payé (recherche, tests, messages).</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Home currency</source>
        <translation>Devise principale</translation>
    </message>
    <message>
        <source>Minimum hourly wage</source>
        <translation>Salaire horaire minimum</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>&amp;Pays</translation>
    </message>
    <message>
        <source>&amp;Home currency</source>
        <translation>&amp;Devise principale</translation>
    </message>
    <message>
        <source>&amp;Minimum wage</source>
        <translation>&amp;Salaire minimum</translation>
    </message>
    <message>
        <source>Choose your country</source>
        <translation>Choisissez votre pays</translation>
    </message>
    <message>
        <source>Your data stays with you</source>
        <translation>Vos données restent chez vous</translation>
    </message>
    <message>
        <source>Your journal is kept on this computer, in this folder:</source>
        <translation>Votre journal est gardé sur cet ordinateur, dans ce dossier :</translation>
    </message>
    <message>
        <source>Clickwage never connects to the internet: nothing you record leaves this computer unless you print it or save a file yourself.</source>
        <translation>Clickwage ne se connecte jamais à Internet : rien de ce que vous notez ne quitte cet ordinateur, sauf si vous l'imprimez ou enregistrez vous-même un fichier.</translation>
    </message>
    <message>
        <source>The platforms you work on</source>
        <translation>Les plateformes où vous travaillez</translation>
    </message>
    <message>
        <source>Tick them: each one is added with its currency and its own review and payout delays, from Clickwage's catalogue (hover for the details and their sources). Add others later on the Platforms page.</source>
        <translation>Cochez-les : chacune est ajoutée avec sa devise et ses propres délais de validation et de versement, d'après le catalogue de Clickwage (survolez pour voir les détails et leurs sources). Ajoutez-en d'autres plus tard sur la page Plateformes.</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>Plateformes</translation>
    </message>
    <message>
        <source>reviews within {days} days</source>
        <translation>validation sous {days} jours</translation>
    </message>
    <message>
        <source>{platform} (already added)</source>
        <translation>{platform} (déjà ajoutée)</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Devise</translation>
    </message>
    <message>
        <source>Minimum payout</source>
        <translation>Versement minimum</translation>
    </message>
    <message>
        <source>Payout schedule</source>
        <translation>Calendrier des versements</translation>
    </message>
    <message>
        <source>Review window (days)</source>
        <translation>Délai de validation (jours)</translation>
    </message>
    <message>
        <source>Payout delay (days)</source>
        <translation>Délai de versement (jours)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>{title}: {value}{marker} — source: {source}, {date}</source>
        <translation>{title} : {value}{marker} — source : {source}, {date}</translation>
    </message>
    <message>
        <source>unverified</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>old source</source>
        <translation>source ancienne</translation>
    </message>
    <message>
        <source>worked out from the sources</source>
        <translation>déduit des sources</translation>
    </message>
    <message>
        <source>The currency of the minimum wage of {country}.</source>
        <translation>La devise du salaire minimum ({country}).</translation>
    </message>
    <message>
        <source>The currency of {country}. Source: Unicode CLDR {version}.</source>
        <translation>La devise du pays ({country}). Source : Unicode CLDR {version}.</translation>
    </message>
    <message>
        <source>Your own choice.</source>
        <translation>Votre propre choix.</translation>
    </message>
    <message>
        <source>Your current home currency.</source>
        <translation>Votre devise principale actuelle.</translation>
    </message>
    <message>
        <source>Clickwage has no minimum wage for {country} yet: type the legal hourly minimum where you live, or the lowest hourly pay you accept.</source>
        <translation>Clickwage n'a pas encore de salaire minimum pour ce pays ({country}) : tapez le minimum horaire légal là où vous vivez, ou le plus bas salaire horaire que vous acceptez.</translation>
    </message>
    <message>
        <source>Choose your country to see its minimum wage, or type the lowest hourly pay you accept.</source>
        <translation>Choisissez votre pays pour voir son salaire minimum, ou tapez le plus bas salaire horaire que vous acceptez.</translation>
    </message>
    <message>
        <source>Your own figure.</source>
        <translation>Votre propre montant.</translation>
    </message>
    <message>
        <source>{country}: {amount} an hour, since {date}.</source>
        <translation>{country} : {amount} de l'heure, depuis le {date}.</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Source : {source}</translation>
    </message>
    <message>
        <source>{currency} an hour</source>
        <translation>{currency} de l'heure</translation>
    </message>
    <message>
        <source>Type a minimum hourly wage (the lowest pay you accept will do).</source>
        <translation>Tapez un salaire horaire minimum (le plus bas salaire que vous acceptez suffit).</translation>
    </message>
</context>
<context>
    <name>WorkRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Clickwage</source>
        <translation>Clickwage</translation>
    </message>
</context>
<context>
    <name>_BatchRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Clickwage</source>
        <translation>Clickwage</translation>
    </message>
</context>
<context>
    <name>_CheckPage</name>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>What the import would do. Nothing has been written yet.</source>
        <translation>Ce que l'import ferait. Rien n'a encore été écrit.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>The file could not be checked.</source>
        <translation>Le fichier n'a pas pu être vérifié.</translation>
    </message>
    <message>
        <source>{rows} rows read: {added} tasks would be added, {updated} updated, {unchanged} unchanged, {refused} refused.</source>
        <translation>{rows} lignes lues : {added} tâches seraient ajoutées, {updated} mises à jour, {unchanged} inchangées, {refused} refusées.</translation>
    </message>
</context>
<context>
    <name>_ColumnsPage</name>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Which column of the file holds each field; the first rows are shown below.</source>
        <translation>Quelle colonne du fichier contient chaque champ ; les premières lignes sont montrées ci-dessous.</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>(absent du fichier)</translation>
    </message>
</context>
<context>
    <name>_DonePage</name>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Imported {file}: {added} tasks added, {updated} updated, {unchanged} unchanged.</source>
        <translation>{file} importé : {added} tâches ajoutées, {updated} mises à jour, {unchanged} inchangées.</translation>
    </message>
    <message>
        <source>Platforms created: {names}.</source>
        <translation>Plateformes créées : {names}.</translation>
    </message>
</context>
<context>
    <name>_FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>A spreadsheet you kept, a Clickwage export, or a file from MTurk, Prolific or Toloka.</source>
        <translation>Un tableur que vous avez tenu, un export de Clickwage, ou un fichier de MTurk, Prolific ou Toloka.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Tasks spreadsheet (CSV)</source>
        <translation>Tableur de tâches (CSV)</translation>
    </message>
    <message>
        <source>MTurk batch results (CSV)</source>
        <translation>Résultats de lot MTurk (CSV)</translation>
    </message>
    <message>
        <source>MTurk status page (JSON)</source>
        <translation>Page de statut MTurk (JSON)</translation>
    </message>
    <message>
        <source>Prolific submissions (CSV)</source>
        <translation>Participations Prolific (CSV)</translation>
    </message>
    <message>
        <source>Toloka assignments (TSV)</source>
        <translation>Tâches Toloka (TSV)</translation>
    </message>
    <message>
        <source>Clickwage export (JSON)</source>
        <translation>Export Clickwage (JSON)</translation>
    </message>
    <message>
        <source>when the file does not name it</source>
        <translation>quand le fichier ne l'indique pas</translation>
    </message>
    <message>
        <source>e.g. 1.50</source>
        <translation>ex. : 1,50</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Plateforme :</translation>
    </message>
    <message>
        <source>Reward:</source>
        <translation>Tarif :</translation>
    </message>
    <message>
        <source>Import a file</source>
        <translation>Importer un fichier</translation>
    </message>
    <message>
        <source>Data files (*.csv *.tsv *.txt *.json);;All files (*)</source>
        <translation>Fichiers de données (*.csv *.tsv *.txt *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Detected format: {format}.</source>
        <translation>Format détecté : {format}.</translation>
    </message>
    <message>
        <source>{path} is not a file.</source>
        <translation>{path} n'est pas un fichier.</translation>
    </message>
    <message>
        <source>A Prolific file does not say the study's reward: enter it.</source>
        <translation>Un fichier Prolific n'indique pas le tarif de l'étude : saisissez-le.</translation>
    </message>
</context>
<context>
    <name>context</name>
    <message>
        <source>The session changed while you were away; nothing was taken out.</source>
        <translation>La session a changé pendant votre absence ; rien n'a été retiré.</translation>
    </message>
    <message>
        <source>Take out the time away</source>
        <translation>Retirer le temps d'absence</translation>
    </message>
    <message>
        <source>Count the time away as {activity}</source>
        <translation>Compter le temps d'absence comme « {activity} »</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>{hours} h {minutes:02d}</source>
        <translation>{hours} h {minutes:02d}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
</context>
<context>
    <name>idle</name>
    <message>
        <source>Time away from the keyboard and mouse is noticed here ({probe}); so is the computer sleeping.</source>
        <translation>Ici, Clickwage remarque quand vous laissez le clavier et la souris ({probe}), et aussi quand l'ordinateur se met en veille.</translation>
    </message>
    <message>
        <source>This desktop does not tell applications how long the keyboard and mouse have been idle, so Clickwage cannot notice when you step away; it still notices when the computer sleeps.</source>
        <translation>Ce bureau n'indique pas aux applications depuis combien de temps le clavier et la souris sont inactifs : Clickwage ne peut donc pas remarquer quand vous vous éloignez. Il remarque quand même quand l'ordinateur se met en veille.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Searching</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <source>Partly approved</source>
        <translation>Acceptée en partie</translation>
    </message>
    <message>
        <source>Screened out</source>
        <translation>Écartée</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetée</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Abandonnée</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Account suspended</source>
        <translation>Compte suspendu</translation>
    </message>
    <message>
        <source>Account closed</source>
        <translation>Compte fermé</translation>
    </message>
    <message>
        <source>Balance withheld</source>
        <translation>Solde bloqué</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
</context>
</TS>