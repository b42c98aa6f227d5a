<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>ActionDialogs</name>
    <message>
        <source> jour(s)</source>
        <translation> day(s)</translation>
    </message>
    <message>
        <source>Paiement promis le *</source>
        <translation>Payment promised on *</translation>
    </message>
    <message>
        <source>Montant promis *</source>
        <translation>Amount promised *</translation>
    </message>
    <message>
        <source>Délai de grâce</source>
        <translation>Grace period</translation>
    </message>
</context>
<context>
    <name>AgedBalanceModel</name>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>Aging</name>
    <message>
        <source>Non échu</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>Encours</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <source>Jusqu&apos;à %s j</source>
        <translation>Up to %s d</translation>
    </message>
    <message>
        <source>&gt; %s j</source>
        <translation>&gt; %s d</translation>
    </message>
    <message>
        <source>%s–%s j</source>
        <translation>%s–%s d</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Répondre à la tâche</source>
        <translation>Answer the task</translation>
    </message>
    <message>
        <source>Tâche</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Consignes</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>Ce que le client a répondu : date de paiement, litige, commande en cours…</source>
        <translation>What the customer replied: payment date, dispute, order in progress…</translation>
    </message>
    <message>
        <source>Réponse *</source>
        <translation>Answer *</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Fiche client</source>
        <translation>Customer record</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Notation externe</source>
        <translation>External rating</translation>
    </message>
    <message>
        <source>Rapport de visite</source>
        <translation>Visit report</translation>
    </message>
    <message>
        <source>Entreprise douteuse</source>
        <translation>Doubtful company</translation>
    </message>
    <message>
        <source>Pièce comptable</source>
        <translation>Accounting document</translation>
    </message>
    <message>
        <source>Relance</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Tâche</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Promesse de paiement</source>
        <translation>Promise to pay</translation>
    </message>
    <message>
        <source>Décision de blocage</source>
        <translation>Block decision</translation>
    </message>
    <message>
        <source>Litige</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>Pièce jointe de litige</source>
        <translation>Dispute attachment</translation>
    </message>
    <message>
        <source>Proposition</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Modèle d&apos;échéancier</source>
        <translation>Schedule template</translation>
    </message>
    <message>
        <source>Plan d&apos;apurement</source>
        <translation>Repayment plan</translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Utilisateur</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Réglage</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Plan de relance</source>
        <translation>Dunning plan</translation>
    </message>
    <message>
        <source>Modèle de courrier</source>
        <translation>Letter template</translation>
    </message>
    <message>
        <source>Taux légal</source>
        <translation>Statutory rate</translation>
    </message>
    <message>
        <source>Import comptable</source>
        <translation>Accounting import</translation>
    </message>
    <message>
        <source>Correspondance de colonnes</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <source>Fichier de données</source>
        <translation>Data file</translation>
    </message>
    <message>
        <source>Création</source>
        <translation>Creation</translation>
    </message>
    <message>
        <source>Modification</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Suppression</source>
        <translation>Deletion</translation>
    </message>
</context>
<context>
    <name>AuditDetails</name>
    <message>
        <source>Valeurs avant et après</source>
        <translation>Values before and after</translation>
    </message>
    <message>
        <source>Champ</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Avant</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Après</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Choisissez une ligne pour voir les valeurs avant et après.</source>
        <translation>Choose a row to see the values before and after.</translation>
    </message>
    <message>
        <source>(inconnu)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>Client : %s</source>
        <translation>Customer: %s</translation>
    </message>
    <message>
        <source>Aucune valeur détaillée pour cette modification.</source>
        <translation>No detailed values for this change.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Journal des modifications</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Qui</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Toutes les actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Au</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Texte du résumé ou des valeurs…</source>
        <translation>Text in the summary or values…</translation>
    </message>
    <message>
        <source>Texte recherché</source>
        <translation>Search text</translation>
    </message>
    <message>
        <source>Tous les clients</source>
        <translation>All customers</translation>
    </message>
    <message>
        <source>Effacer les filtres</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Texte</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Exporter vers Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tout le monde</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Tous les objets</source>
        <translation>All items</translation>
    </message>
    <message numerus="yes">
        <source>%n modification(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Aucune modification.</source>
        <translation>No changes.</translation>
    </message>
    <message>
        <source>Exporter le journal des modifications</source>
        <translation>Export the change log</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %s</source>
        <translation>The file could not be written: %s</translation>
    </message>
    <message>
        <source>Export terminé</source>
        <translation>Export complete</translation>
    </message>
    <message numerus="yes">
        <source>%n modification(s) enregistrée(s) dans %1</source>
        <translation>
            <numerusform>%n change saved to %1</numerusform>
            <numerusform>%n changes saved to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Date et heure</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Résumé</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Avant → après</source>
        <translation>Before → after</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Date et heure</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Qui</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Résumé</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Sauvegardes</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Changer de dossier…</source>
        <translation>Change folder…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Contenu</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Aucune sauvegarde pour l&apos;instant.</source>
        <translation>No backups yet.</translation>
    </message>
    <message>
        <source>Sauvegarder maintenant</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Restaurer…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dossier des sauvegardes : %s</source>
        <translation>Backup folder: %s</translation>
    </message>
    <message>
        <source>À l&apos;ouverture</source>
        <translation>On opening</translation>
    </message>
    <message>
        <source>À la fermeture</source>
        <translation>On closing</translation>
    </message>
    <message>
        <source>Avant un import</source>
        <translation>Before an import</translation>
    </message>
    <message>
        <source>Manuelle</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Avant une restauration</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>Avant une mise à jour</source>
        <translation>Before an upgrade</translation>
    </message>
    <message>
        <source>Illisible (fichier endommagé ?)</source>
        <translation>Unreadable (damaged file?)</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pièce(s) ouverte(s)</source>
        <translation>
            <numerusform>%n open item</numerusform>
            <numerusform>%n open items</numerusform>
        </translation>
    </message>
    <message>
        <source>La sauvegarde n&apos;a pas pu être écrite : %s</source>
        <translation>The backup could not be written: %s</translation>
    </message>
    <message>
        <source>Sauvegarde enregistrée : %s</source>
        <translation>Backup saved: %s</translation>
    </message>
    <message>
        <source>Dossier des sauvegardes</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Remplacer le fichier ouvert par la sauvegarde du %1 (%2) : %3 ?

Le fichier actuel sera d&apos;abord gardé dans les sauvegardes.</source>
        <translation>Replace the open file with the backup of %1 (%2): %3?

The current file will first be kept among the backups.</translation>
    </message>
    <message>
        <source>Le fichier est encore utilisé : fermez les autres fenêtres et réessayez.</source>
        <translation>The file is still in use: close the other windows and try again.</translation>
    </message>
    <message>
        <source>La sauvegarde du %1 a été restaurée. Le fichier remplacé est gardé : %2</source>
        <translation>The backup of %1 has been restored. The replaced file is kept: %2</translation>
    </message>
</context>
<context>
    <name>BlockedBanner</name>
    <message>
        <source>Débloquer…</source>
        <translation>Unblock…</translation>
    </message>
    <message>
        <source>Lever le blocage (décision motivée)</source>
        <translation>Lift the block (reasoned decision)</translation>
    </message>
    <message>
        <source>Client bloqué depuis le %1 par %2</source>
        <translation>Customer blocked since %1 by %2</translation>
    </message>
    <message>
        <source>Client bloqué depuis le %1</source>
        <translation>Customer blocked since %1</translation>
    </message>
    <message>
        <source>Client bloqué</source>
        <translation>Customer blocked</translation>
    </message>
    <message>
        <source> : %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source>Débloquer le client</source>
        <translation>Unblock the customer</translation>
    </message>
    <message>
        <source>Pourquoi lever le blocage ? Cette décision est enregistrée à votre nom.</source>
        <translation>Why lift the block? This decision is recorded in your name.</translation>
    </message>
    <message>
        <source>Débloquer</source>
        <translation>Unblock</translation>
    </message>
    <message>
        <source>Déblocage</source>
        <translation>Unblocking</translation>
    </message>
</context>
<context>
    <name>Blocking</name>
    <message>
        <source>Retard de paiement au-delà du seuil</source>
        <translation>Payment overdue beyond the threshold</translation>
    </message>
    <message>
        <source>Plus ancienne pièce en retard de %n jour(s)</source>
        <translation>Oldest item %n day(s) overdue</translation>
    </message>
    <message>
        <source> (seuil : %n jour(s))</source>
        <translation> (threshold: %n day(s))</translation>
    </message>
    <message>
        <source>, {amount} concernés</source>
        <translation>, {amount} affected</translation>
    </message>
    <message>
        <source>Encours au-delà du plafond de crédit</source>
        <translation>Outstanding above the credit limit</translation>
    </message>
    <message>
        <source>Encours de {outstanding} au-delà du plafond de {limit}</source>
        <translation>Outstanding of {outstanding} above the credit limit of {limit}</translation>
    </message>
    <message>
        <source>Procédure collective</source>
        <translation>Insolvency proceedings</translation>
    </message>
    <message>
        <source>Procédure collective ouverte le {day}</source>
        <translation>Insolvency proceedings opened on {day}</translation>
    </message>
    <message>
        <source>Décision du dirigeant</source>
        <translation>Owner&apos;s decision</translation>
    </message>
    <message>
        <source>Ce client est déjà bloqué.</source>
        <translation>This customer is already blocked.</translation>
    </message>
    <message>
        <source>Ce client n&apos;est pas bloqué.</source>
        <translation>This customer is not blocked.</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Tâche · %1</source>
        <translation>Task · %1</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Compte rendu d&apos;appel</source>
        <translation>Call report</translation>
    </message>
    <message>
        <source>Ce que le client a dit, à qui vous avez parlé…</source>
        <translation>What the customer said, who you spoke to…</translation>
    </message>
    <message>
        <source>Résultat</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Promesse de paiement</source>
        <translation>Promise to pay</translation>
    </message>
    <message>
        <source>Ouvrir un litige après l&apos;enregistrement</source>
        <translation>Open a dispute after saving</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Vérifier une entreprise</source>
        <translation>Check a company</translation>
    </message>
    <message>
        <source>Nom, SIREN/SIRET ou adresse (code postal, ville, rue)…</source>
        <translation>Name, SIREN/SIRET or address (postcode, town, street)…</translation>
    </message>
    <message>
        <source>Entreprise à vérifier</source>
        <translation>Company to check</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Entreprise</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Situation / motif</source>
        <translation>Status / reason</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Ouvrir la fiche</source>
        <translation>Open the record</translation>
    </message>
    <message>
        <source>Ajouter à la liste des entreprises douteuses…</source>
        <translation>Add to the list of doubtful companies…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tapez un nom, un SIREN/SIRET ou une adresse.</source>
        <translation>Type a name, a SIREN/SIRET or an address.</translation>
    </message>
    <message>
        <source>Tapez au moins deux caractères.</source>
        <translation>Type at least two characters.</translation>
    </message>
    <message>
        <source>Fichier clients</source>
        <translation>Customer file</translation>
    </message>
    <message>
        <source>BODACC</source>
        <translation>BODACC</translation>
    </message>
    <message>
        <source>Rien de connu : ni client, ni entreprise douteuse.</source>
        <translation>Nothing known: neither a customer nor a doubtful company.</translation>
    </message>
    <message>
        <source>Client connu : %1 (%2), rien de signalé.</source>
        <translation>Known customer: %1 (%2), nothing reported.</translation>
    </message>
    <message>
        <source>Attention : %1 est sur la liste des entreprises douteuses.</source>
        <translation>Warning: %1 is on the list of doubtful companies.</translation>
    </message>
    <message>
        <source>Client bloqué : %1.</source>
        <translation>Blocked customer: %1.</translation>
    </message>
    <message>
        <source>Procédure collective publiée : %1.</source>
        <translation>Insolvency proceedings published: %1.</translation>
    </message>
    <message>
        <source>Correspondance approchante — %1</source>
        <translation>Approximate match — %1</translation>
    </message>
    <message>
        <source>%1 (jugement du %2)</source>
        <translation>%1 (judgment of %2)</translation>
    </message>
    <message>
        <source>prospect prioritaire</source>
        <translation>priority prospect</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Vérification</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Rien n&apos;est encore enregistré : voici ce que l&apos;import ferait.</source>
        <translation>Nothing has been saved yet: this is what the import would do.</translation>
    </message>
    <message>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Délai par défaut</source>
        <translation>Default payment terms</translation>
    </message>
    <message>
        <source>Mode de calcul du délai par défaut</source>
        <translation>Default payment terms basis</translation>
    </message>
    <message>
        <source>Cet export est complet : les pièces ouvertes qui n&apos;y figurent plus sont soldées</source>
        <translation>This export is complete: open documents that no longer appear in it are settled</translation>
    </message>
    <message>
        <source>Importer</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Vérifier à nouveau</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Échéance quand le fichier n&apos;en donne pas</source>
        <translation>Due date when the file does not give one</translation>
    </message>
    <message>
        <source>Détail de la vérification</source>
        <translation>Check details</translation>
    </message>
    <message>
        <source>Lecture et vérification du fichier…</source>
        <translation>Reading and checking the file…</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Vérification interrompue.</source>
        <translation>Check cancelled.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Le fichier peut être importé.&lt;/b&gt; %s pièce(s) à créer, %s à mettre à jour, %s à solder, %s inchangée(s) ; %s client(s) à créer.</source>
        <translation>&lt;b&gt;The file can be imported.&lt;/b&gt; %s document(s) to create, %s to update, %s to settle, %s unchanged; %s customer(s) to create.</translation>
    </message>
    <message>
        <source>Clients à créer :</source>
        <translation>Customers to create:</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#a1261f&apos;&gt;Le fichier est refusé : %s ligne(s) en erreur.&lt;/b&gt; Rien n&apos;a été enregistré. Corrigez l&apos;export puis recommencez.</source>
        <translation>&lt;b style=&apos;color:#a1261f&apos;&gt;The file is rejected: %s line(s) with errors.&lt;/b&gt; Nothing has been saved. Correct the export, then try again.</translation>
    </message>
    <message>
        <source>ligne %s : %s</source>
        <translation>line %s: %s</translation>
    </message>
    <message>
        <source>fichier : %s</source>
        <translation>file: %s</translation>
    </message>
    <message>
        <source>Import en cours…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>Import annulé : rien n&apos;a été enregistré.</source>
        <translation>Import cancelled: nothing has been saved.</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Colonnes du fichier</source>
        <translation>File columns</translation>
    </message>
    <message>
        <source>Indiquez quelle colonne contient chaque information. Les champs marqués * sont obligatoires ; les autres peuvent rester vides.</source>
        <translation>Indicate which column contains each piece of information. Fields marked * are required; the others can be left empty.</translation>
    </message>
    <message>
        <source>Correspondances enregistrées</source>
        <translation>Saved column mappings</translation>
    </message>
    <message>
        <source>Code client (compte auxiliaire) *</source>
        <translation>Customer code (customer account) *</translation>
    </message>
    <message>
        <source>Nom du client *</source>
        <translation>Customer name *</translation>
    </message>
    <message>
        <source>N° de pièce *</source>
        <translation>Document no. *</translation>
    </message>
    <message>
        <source>Date de la pièce *</source>
        <translation>Document date *</translation>
    </message>
    <message>
        <source>Montant TTC *</source>
        <translation>Amount incl. VAT *</translation>
    </message>
    <message>
        <source>Reste dû</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Type (facture, avoir, règlement)</source>
        <translation>Type (invoice, credit note, payment)</translation>
    </message>
    <message>
        <source>Libellé</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Lettrage</source>
        <translation>Matching code</translation>
    </message>
    <message>
        <source>Un montant négatif est un avoir</source>
        <translation>A negative amount is a credit note</translation>
    </message>
    <message>
        <source>Nom de la correspondance</source>
        <translation>Column mapping name</translation>
    </message>
    <message>
        <source>ex. : Balance âgée EBP</source>
        <translation>e.g. EBP aged balance</translation>
    </message>
    <message>
        <source>Enregistrer sous le nom</source>
        <translation>Save under the name</translation>
    </message>
    <message>
        <source>Reprendre une correspondance :</source>
        <translation>Reuse a column mapping:</translation>
    </message>
    <message>
        <source>— aucune —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>— proposée d&apos;après les en-têtes —</source>
        <translation>— suggested from the headers —</translation>
    </message>
</context>
<context>
    <name>CompanyForm</name>
    <message>
        <source>Raison sociale *</source>
        <translation>Legal name *</translation>
    </message>
    <message>
        <source>ex. : Menuiserie Lefèvre &amp; Fils</source>
        <translation>e.g. Menuiserie Lefèvre &amp; Fils</translation>
    </message>
    <message>
        <source>Forme juridique</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>Pays</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>N° d&apos;entreprise (BCE)</source>
        <translation>Enterprise number (CBE)</translation>
    </message>
    <message>
        <source>N° de TVA</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Complément d&apos;adresse</source>
        <translation>Address line 2</translation>
    </message>
    <message>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Ville</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>BIC</source>
        <translation>BIC</translation>
    </message>
    <message>
        <source>Signataire des courriers</source>
        <translation>Letter signatory</translation>
    </message>
    <message>
        <source>Fonction du signataire</source>
        <translation>Signatory&apos;s position</translation>
    </message>
    <message>
        <source>ex. : Gérante</source>
        <translation>e.g. Managing Director</translation>
    </message>
    <message>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Délai de paiement par défaut</source>
        <translation>Default payment terms</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>ex. : Comptable, Gérant, Responsable achats</source>
        <translation>e.g. Accountant, Manager, Purchasing Manager</translation>
    </message>
    <message>
        <source>Contact principal</source>
        <translation>Main contact</translation>
    </message>
    <message>
        <source>Destinataire des relances</source>
        <translation>Receives reminders</translation>
    </message>
    <message>
        <source>ex. : joignable le matin, préfère le courrier</source>
        <translation>e.g. reachable in the morning, prefers letters</translation>
    </message>
    <message>
        <source>Prénom</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Nom *</source>
        <translation>Surname *</translation>
    </message>
    <message>
        <source>Fonction</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>CustomerAuditTab</name>
    <message>
        <source>Historique des modifications</source>
        <translation>Change history</translation>
    </message>
    <message numerus="yes">
        <source>%n modification(s), la plus récente en premier.</source>
        <translation>
            <numerusform>%n change, most recent first.</numerusform>
            <numerusform>%n changes, most recent first.</numerusform>
        </translation>
    </message>
    <message>
        <source>Aucune modification enregistrée pour ce client.</source>
        <translation>No changes recorded for this customer.</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Nouveau client ou prospect</source>
        <translation>New customer or prospect</translation>
    </message>
    <message>
        <source>Modifier le client</source>
        <translation>Edit customer</translation>
    </message>
    <message>
        <source>Identité</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Adresses et contact</source>
        <translation>Addresses and contact</translation>
    </message>
    <message>
        <source>Conditions et suivi</source>
        <translation>Terms and follow-up</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Raison sociale *</source>
        <translation>Legal name *</translation>
    </message>
    <message>
        <source>Nom commercial</source>
        <translation>Trading name</translation>
    </message>
    <message>
        <source>Forme juridique</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pays</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>SIRET (siège)</source>
        <translation>SIRET (head office)</translation>
    </message>
    <message>
        <source>N° d&apos;entreprise (BCE)</source>
        <translation>Enterprise number (CBE)</translation>
    </message>
    <message>
        <source>N° de TVA</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <source>proposé à partir du SIREN</source>
        <translation>suggested from the SIREN</translation>
    </message>
    <message>
        <source>Compte auxiliaire</source>
        <translation>Customer account (ledger)</translation>
    </message>
    <message>
        <source>Le compte client dans votre comptabilité (CompAuxNum du FEC), pour les imports.</source>
        <translation>The customer&apos;s account in your accounts (CompAuxNum in the FEC), used for imports.</translation>
    </message>
    <message>
        <source>Particulier (consommateur) : pas d&apos;indemnité de 40 €</source>
        <translation>Private individual (consumer): no €40 recovery fee</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Complément d&apos;adresse</source>
        <translation>Address line 2</translation>
    </message>
    <message>
        <source>Code postal</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Ville</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Adresse de facturation</source>
        <translation>Billing address</translation>
    </message>
    <message>
        <source>Adresse de livraison différente</source>
        <translation>Different delivery address</translation>
    </message>
    <message>
        <source>Adresse de livraison</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <source>Coordonnées</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>— aucun —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Délai de paiement en jours</source>
        <translation>Payment terms in days</translation>
    </message>
    <message>
        <source>Mode de calcul du délai</source>
        <translation>Payment terms basis</translation>
    </message>
    <message>
        <source>Délai de paiement</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <source>Taux de pénalités contractuel (%)</source>
        <translation>Contractual penalty rate (%)</translation>
    </message>
    <message>
        <source>vide = taux légal</source>
        <translation>empty = statutory rate</translation>
    </message>
    <message>
        <source>Entre professionnels en France : au moins 3 fois le taux d&apos;intérêt légal, soit %s actuellement.</source>
        <translation>Between businesses in France: at least 3 times the statutory interest rate, currently %s.</translation>
    </message>
    <message>
        <source>Plafond de crédit (€)</source>
        <translation>Credit limit (€)</translation>
    </message>
    <message>
        <source>vide = pas de plafond</source>
        <translation>empty = no limit</translation>
    </message>
    <message>
        <source>Français</source>
        <translation>French</translation>
    </message>
    <message>
        <source>Anglais</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Langue des courriers</source>
        <translation>Letter language</translation>
    </message>
    <message>
        <source>Procédure collective</source>
        <translation>Insolvency proceedings</translation>
    </message>
    <message>
        <source>— non précisée —</source>
        <translation>— not specified —</translation>
    </message>
    <message>
        <source>Procédure</source>
        <translation>Proceedings</translation>
    </message>
    <message>
        <source>Jugement d&apos;ouverture</source>
        <translation>Opening judgment</translation>
    </message>
    <message>
        <source>Publication au BODACC</source>
        <translation>BODACC publication</translation>
    </message>
    <message>
        <source>Ce que l&apos;équipe doit savoir de ce client…</source>
        <translation>What the team should know about this customer…</translation>
    </message>
    <message>
        <source>Client bloqué : « Débloquer… » sur sa fiche, avec le motif.</source>
        <translation>Customer blocked: use “Unblock…” on the customer record, giving the reason.</translation>
    </message>
    <message>
        <source>Le client n&apos;a pas été enregistré : corrigez les champs signalés en rouge.</source>
        <translation>The customer has not been saved: please correct the fields highlighted in red.</translation>
    </message>
</context>
<context>
    <name>CustomerDisputesTab</name>
    <message>
        <source>Nouveau litige…</source>
        <translation>New dispute…</translation>
    </message>
    <message>
        <source>Ouvrir…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Litiges du client</source>
        <translation>Customer disputes</translation>
    </message>
    <message>
        <source>Signalé le</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>Factures</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Responsable</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Réponse attendue</source>
        <translation>Response due</translation>
    </message>
    <message>
        <source>Contesté</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <source>Aucun litige pour ce client.</source>
        <translation>No disputes for this customer.</translation>
    </message>
    <message>
        <source>Réponse attendue dépassée</source>
        <translation>Response overdue</translation>
    </message>
    <message numerus="yes">
        <source>%n litige(s) en cours</source>
        <translation>
            <numerusform>%n ongoing dispute</numerusform>
            <numerusform>%n ongoing disputes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <source>Raison sociale</source>
        <translation>Legal name</translation>
    </message>
    <message>
        <source>SIREN / N° BCE</source>
        <translation>SIREN / CBE no.</translation>
    </message>
    <message>
        <source>Ville</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>Délai de paiement</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <source>Plafond de crédit</source>
        <translation>Credit limit</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Pas encore calculé : il le sera au calcul des relances du jour.</source>
        <translation>Not computed yet: it will be when today&apos;s reminders are computed.</translation>
    </message>
    <message>
        <source>Calculé le %1 (règles v%2)</source>
        <translation>Computed on %1 (rules v%2)</translation>
    </message>
</context>
<context>
    <name>CustomerListPage</name>
    <message>
        <source>Clients et prospects</source>
        <translation>Customers and prospects</translation>
    </message>
    <message>
        <source>Rechercher un nom, un SIREN, une ville… (Ctrl+F)</source>
        <translation>Search a name, a SIREN, a town… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Recherche de clients</source>
        <translation>Customer search</translation>
    </message>
    <message>
        <source>Filtrer par statut</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Filtrer par segment</source>
        <translation>Filter by segment</translation>
    </message>
    <message>
        <source>Filtrer par commercial</source>
        <translation>Filter by salesperson</translation>
    </message>
    <message>
        <source>Nouveau client…</source>
        <translation>New customer…</translation>
    </message>
    <message>
        <source>Créer un client ou un prospect (Ctrl+N)</source>
        <translation>Create a customer or a prospect (Ctrl+N)</translation>
    </message>
    <message>
        <source>Liste des clients</source>
        <translation>Customer list</translation>
    </message>
    <message>
        <source>Tous les segments</source>
        <translation>All segments</translation>
    </message>
    <message>
        <source>Tous les commerciaux</source>
        <translation>All salespeople</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) affiché(s)</source>
        <translation>
            <numerusform>%n customer shown</numerusform>
            <numerusform>%n customers shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Aucun client ne correspond à la recherche.</source>
        <translation>No customers match your search.</translation>
    </message>
    <message>
        <source>Aucun client pour l&apos;instant. Créez-en un avec « Nouveau client… ».</source>
        <translation>No customers yet. Create one with “New customer…”.</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <source>← Liste des clients</source>
        <translation>← Customer list</translation>
    </message>
    <message>
        <source>Revenir à la liste (Échap)</source>
        <translation>Back to the list (Esc)</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Modifier la fiche (Ctrl+E)</source>
        <translation>Edit the customer record (Ctrl+E)</translation>
    </message>
    <message>
        <source>Nouveau rapport de visite…</source>
        <translation>New visit report…</translation>
    </message>
    <message>
        <source>Rédiger un rapport de visite (Ctrl+R)</source>
        <translation>Write a visit report (Ctrl+R)</translation>
    </message>
    <message>
        <source>Supprimer…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Relevé de compte…</source>
        <translation>Account statement…</translation>
    </message>
    <message>
        <source>Enregistrer le relevé de compte en PDF, prêt à envoyer (Ctrl+P)</source>
        <translation>Save the account statement as a PDF, ready to send (Ctrl+P)</translation>
    </message>
    <message>
        <source>Bloquer…</source>
        <translation>Block…</translation>
    </message>
    <message>
        <source>Bloquer ce client (décision motivée)</source>
        <translation>Block this customer (reasoned decision)</translation>
    </message>
    <message>
        <source>Procédure collective…</source>
        <translation>Insolvency proceedings…</translation>
    </message>
    <message>
        <source>Enregistrer un jugement d&apos;ouverture : relances arrêtées, client bloqué</source>
        <translation>Record an opening judgment: reminders stopped, customer blocked</translation>
    </message>
    <message>
        <source>Déclaration de créance (PDF)…</source>
        <translation>Proof of claim (PDF)…</translation>
    </message>
    <message>
        <source>Enregistrer le récapitulatif de la créance à déclarer au mandataire</source>
        <translation>Save the summary of the claim to file with the creditors&apos; representative</translation>
    </message>
    <message>
        <source>Promesse de paiement…</source>
        <translation>Promise to pay…</translation>
    </message>
    <message>
        <source>Noter une promesse de paiement : les relances attendent jusqu&apos;à sa date</source>
        <translation>Record a promise to pay: reminders wait until its date</translation>
    </message>
    <message>
        <source>Plan d&apos;apurement…</source>
        <translation>Repayment plan…</translation>
    </message>
    <message>
        <source>Échelonner les factures échues : échéancier à faire signer</source>
        <translation>Spread overdue invoices into instalments: a payment schedule for the customer to sign</translation>
    </message>
    <message>
        <source>Nouvelle proposition…</source>
        <translation>New proposal…</translation>
    </message>
    <message>
        <source>Préparer une proposition commerciale avec son échéancier de paiement</source>
        <translation>Prepare a sales proposal with its payment schedule</translation>
    </message>
    <message>
        <source>Fiche de visite (PDF)…</source>
        <translation>Visit brief (PDF)…</translation>
    </message>
    <message>
        <source>Une page à lire avant la visite : retards, litiges, points à aborder</source>
        <translation>A one-page read before the visit: overdue amounts, disputes, points to raise</translation>
    </message>
    <message>
        <source>Signaler comme douteuse…</source>
        <translation>Report as doubtful…</translation>
    </message>
    <message>
        <source>Ajouter ce client à la liste des entreprises douteuses, avec le motif</source>
        <translation>Add this customer to the list of doubtful companies, with the reason</translation>
    </message>
    <message>
        <source>Supprimer ce client</source>
        <translation>Delete this customer</translation>
    </message>
    <message>
        <source>Plus d&apos;actions</source>
        <translation>More actions</translation>
    </message>
    <message>
        <source>Plus d&apos;actions sur ce client</source>
        <translation>More actions for this customer</translation>
    </message>
    <message>
        <source>Fiche</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Factures</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <source>Chronologie</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Rapports de visite</source>
        <translation>Visit reports</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Notations externes</source>
        <translation>External ratings</translation>
    </message>
    <message>
        <source>Litiges</source>
        <translation>Disputes</translation>
    </message>
    <message>
        <source>Plans d&apos;apurement</source>
        <translation>Repayment plans</translation>
    </message>
    <message>
        <source>Historique des modifications</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Identité</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>Adresses et coordonnées</source>
        <translation>Addresses and contact details</translation>
    </message>
    <message>
        <source>Conditions commerciales</source>
        <translation>Commercial terms</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Score de solvabilité</source>
        <translation>Solvency score</translation>
    </message>
    <message>
        <source>Règles du score…</source>
        <translation>Score rules…</translation>
    </message>
    <message>
        <source>Comment le score est calculé</source>
        <translation>How the score is computed</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Facteur</source>
        <translation>Factor</translation>
    </message>
    <message>
        <source>Contributions au score</source>
        <translation>Contributions to the score</translation>
    </message>
    <message>
        <source>%1/100 — %2 (base %3)</source>
        <translation>%1/100 — %2 (base %3)</translation>
    </message>
    <message>
        <source>Rien de connu : le score reste à sa base.</source>
        <translation>Nothing known: the score stays at its base.</translation>
    </message>
    <message>
        <source>Règles du score de solvabilité</source>
        <translation>Solvency score rules</translation>
    </message>
    <message>
        <source>Chronologie du client</source>
        <translation>Customer timeline</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>Points inquiétants</source>
        <translation>Points of concern</translation>
    </message>
    <message>
        <source>À retenir</source>
        <translation>Key points</translation>
    </message>
    <message>
        <source>Nouveau rapport…</source>
        <translation>New report…</translation>
    </message>
    <message>
        <source>Ouvrir…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Fonction</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Ajouter…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Ajouter une notation…</source>
        <translation>Add a rating…</translation>
    </message>
    <message>
        <source>suivi par %s</source>
        <translation>managed by %s</translation>
    </message>
    <message numerus="yes">
        <source>Factures (%n ouverte(s))</source>
        <translation>
            <numerusform>Invoices (%n open)</numerusform>
            <numerusform>Invoices (%n open)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Litiges (%n en cours)</source>
        <translation>
            <numerusform>Disputes (%n ongoing)</numerusform>
            <numerusform>Disputes (%n ongoing)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Plans d&apos;apurement (%n en cours)</source>
        <translation>
            <numerusform>Repayment plans (%n active)</numerusform>
            <numerusform>Repayment plans (%n active)</numerusform>
        </translation>
    </message>
    <message>
        <source>Raison sociale</source>
        <translation>Legal name</translation>
    </message>
    <message>
        <source>Nom commercial</source>
        <translation>Trading name</translation>
    </message>
    <message>
        <source>Forme juridique</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>N° d&apos;entreprise</source>
        <translation>Enterprise number</translation>
    </message>
    <message>
        <source>N° de TVA</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <source>Compte auxiliaire</source>
        <translation>Customer account (ledger)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Particulier</source>
        <translation>Private individual</translation>
    </message>
    <message>
        <source>Professionnel</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Facturation</source>
        <translation>Billing</translation>
    </message>
    <message>
        <source>Livraison</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Site web</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Délai de paiement</source>
        <translation>Payment terms</translation>
    </message>
    <message>
        <source>Plafond de crédit</source>
        <translation>Credit limit</translation>
    </message>
    <message>
        <source>aucun</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Langue des courriers</source>
        <translation>Letter language</translation>
    </message>
    <message>
        <source>Français</source>
        <translation>French</translation>
    </message>
    <message>
        <source>Anglais</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Procédure collective</source>
        <translation>Insolvency proceedings</translation>
    </message>
    <message>
        <source>ouverte le %s</source>
        <translation>opened on %s</translation>
    </message>
    <message>
        <source>BODACC du %s</source>
        <translation>BODACC notice of %s</translation>
    </message>
    <message>
        <source>principal</source>
        <translation>main</translation>
    </message>
    <message>
        <source>reçoit les relances</source>
        <translation>receives reminders</translation>
    </message>
    <message numerus="yes">
        <source>Contacts (%n)</source>
        <translation>
            <numerusform>Contacts (%n)</numerusform>
            <numerusform>Contacts (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notations externes (%n)</source>
        <translation>
            <numerusform>External ratings (%n)</numerusform>
            <numerusform>External ratings (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rapports de visite (%n)</source>
        <translation>
            <numerusform>Visit reports (%n)</numerusform>
            <numerusform>Visit reports (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Fiche créée</source>
        <translation>Record created</translation>
    </message>
    <message>
        <source>Champs modifiés : %s</source>
        <translation>Fields changed: %s</translation>
    </message>
    <message>
        <source>Fiche modifiée</source>
        <translation>Record updated</translation>
    </message>
    <message>
        <source>Notation %s : %s</source>
        <translation>Rating %s: %s</translation>
    </message>
    <message>
        <source>Rapport de visite</source>
        <translation>Visit report</translation>
    </message>
    <message>
        <source>Facture %s : %s, échéance le %s</source>
        <translation>Invoice %s: %s, due on %s</translation>
    </message>
    <message>
        <source>Avoir %s : %s</source>
        <translation>Credit note %s: %s</translation>
    </message>
    <message>
        <source>sur la facture %s</source>
        <translation>against invoice %s</translation>
    </message>
    <message>
        <source>Règlement reçu : %s</source>
        <translation>Payment received: %s</translation>
    </message>
    <message>
        <source>affecté à %s</source>
        <translation>allocated to %s</translation>
    </message>
    <message>
        <source>Facture %s soldée</source>
        <translation>Invoice %s settled</translation>
    </message>
    <message numerus="yes">
        <source>payée avec %n jour(s) de retard</source>
        <translation>
            <numerusform>paid %n day late</numerusform>
            <numerusform>paid %n days late</numerusform>
        </translation>
    </message>
    <message>
        <source>payée à l&apos;échéance ou avant</source>
        <translation>paid on or before the due date</translation>
    </message>
    <message>
        <source>Litige ouvert : %1, %2 contestés</source>
        <translation>Dispute opened: %1, %2 disputed</translation>
    </message>
    <message>
        <source>Factures : %1</source>
        <translation>Invoices: %1</translation>
    </message>
    <message>
        <source>Litige %1 : %2</source>
        <translation>Dispute %1: %2</translation>
    </message>
    <message>
        <source>Litige %1 résolu : %2</source>
        <translation>Dispute %1 resolved: %2</translation>
    </message>
    <message>
        <source>Litige %1 rejeté</source>
        <translation>Dispute %1 rejected</translation>
    </message>
    <message>
        <source>Promesse de paiement de %1 pour le %2 (%3)</source>
        <translation>Promise to pay %1 by %2 (%3)</translation>
    </message>
    <message>
        <source>Tâche : %1</source>
        <translation>Task: %1</translation>
    </message>
    <message>
        <source>Réponse : %1</source>
        <translation>Answer: %1</translation>
    </message>
    <message>
        <source>Relance faite : %1 (%2), %3</source>
        <translation>Reminder done: %1 (%2), %3</translation>
    </message>
    <message>
        <source>Relance ignorée : %1 (%2), %3</source>
        <translation>Reminder skipped: %1 (%2), %3</translation>
    </message>
    <message>
        <source>Relance prévue : %1 (%2), %3</source>
        <translation>Reminder planned: %1 (%2), %3</translation>
    </message>
    <message>
        <source>Enregistrer le relevé de compte</source>
        <translation>Save the account statement</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Relevé non enregistré</source>
        <translation>Statement not saved</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %s</source>
        <translation>The file could not be written: %s</translation>
    </message>
    <message>
        <source>Bloquer le client</source>
        <translation>Block the customer</translation>
    </message>
    <message>
        <source>Pourquoi bloquer « %s » ? Cette décision est enregistrée à votre nom.</source>
        <translation>Why block “%s”? This decision is recorded in your name.</translation>
    </message>
    <message>
        <source>Bloquer</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Blocage</source>
        <translation>Blocking</translation>
    </message>
    <message>
        <source>Enregistrer la déclaration de créance</source>
        <translation>Save the proof of claim</translation>
    </message>
    <message>
        <source>Déclaration de créance %s.pdf</source>
        <translation>Proof of claim %s.pdf</translation>
    </message>
    <message>
        <source>Déclaration non enregistrée</source>
        <translation>Proof of claim not saved</translation>
    </message>
    <message>
        <source>Supprimer le client</source>
        <translation>Delete customer</translation>
    </message>
    <message>
        <source>Supprimer « %s » avec ses contacts, notations et rapports de visite ?
Cette action est définitive.</source>
        <translation>Delete “%s” together with its contacts, ratings and visit reports?
This cannot be undone.</translation>
    </message>
    <message>
        <source>Suppression impossible</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>Supprimer le rapport</source>
        <translation>Delete report</translation>
    </message>
    <message>
        <source>Supprimer ce rapport de visite ?</source>
        <translation>Delete this visit report?</translation>
    </message>
    <message>
        <source>Supprimer le contact</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>Supprimer le contact « %s » ?</source>
        <translation>Delete the contact “%s”?</translation>
    </message>
    <message>
        <source>Supprimer la notation</source>
        <translation>Delete rating</translation>
    </message>
    <message>
        <source>Supprimer cette notation ?</source>
        <translation>Delete this rating?</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Nom, SIREN ou ville du client…</source>
        <translation>Customer name, SIREN or town…</translation>
    </message>
    <message>
        <source>Rechercher le client</source>
        <translation>Search for the customer</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
</context>
<context>
    <name>CustomerPlansTab</name>
    <message>
        <source>Nouveau plan…</source>
        <translation>New plan…</translation>
    </message>
    <message>
        <source>Activer (signé aujourd&apos;hui)</source>
        <translation>Activate (signed today)</translation>
    </message>
    <message>
        <source>Paiement reçu…</source>
        <translation>Payment received…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Supprimer le brouillon…</source>
        <translation>Delete the draft…</translation>
    </message>
    <message>
        <source>Plans d&apos;apurement du client</source>
        <translation>Customer repayment plans</translation>
    </message>
    <message>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Signé le</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Échéances</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Reste dû</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>Prochaine échéance</source>
        <translation>Next instalment</translation>
    </message>
    <message>
        <source>Aucun plan d&apos;apurement pour ce client.</source>
        <translation>No repayment plans for this customer.</translation>
    </message>
    <message>
        <source> — échéance en retard</source>
        <translation> — instalment overdue</translation>
    </message>
    <message>
        <source> le %1</source>
        <translation> on %1</translation>
    </message>
    <message>
        <source>Paiement reçu</source>
        <translation>Payment received</translation>
    </message>
    <message>
        <source>Montant reçu au titre du plan n° %1 (reste dû : %2) :</source>
        <translation>Amount received under plan no. %1 (balance due: %2):</translation>
    </message>
    <message>
        <source>Plan d&apos;apurement %1 n° %2.pdf</source>
        <translation>Repayment plan %1 no. %2.pdf</translation>
    </message>
    <message>
        <source>Enregistrer le plan d&apos;apurement</source>
        <translation>Save the repayment plan</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Plan non enregistré</source>
        <translation>Plan not saved</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <source>Supprimer le brouillon</source>
        <translation>Delete the draft</translation>
    </message>
    <message>
        <source>Supprimer le brouillon de plan n° %1 ?</source>
        <translation>Delete draft plan no. %1?</translation>
    </message>
    <message>
        <source>Plan d&apos;apurement</source>
        <translation>Repayment plan</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Recalculer le tableau de bord (F5)</source>
        <translation>Recompute the dashboard (F5)</translation>
    </message>
    <message>
        <source>Rapport mensuel (PDF)…</source>
        <translation>Monthly report (PDF)…</translation>
    </message>
    <message>
        <source>Fiches commerciaux…</source>
        <translation>Salesperson scorecards…</translation>
    </message>
    <message>
        <source>Chiffres de chaque commercial sur une période, et leur PDF</source>
        <translation>Each salesperson&apos;s figures over a period, with their PDF</translation>
    </message>
    <message>
        <source>Cliquer pour ouvrir %s</source>
        <translation>Click to open %s</translation>
    </message>
    <message>
        <source>Retards par ancienneté</source>
        <translation>Overdue by age</translation>
    </message>
    <message>
        <source>l&apos;encours</source>
        <translation>the receivables</translation>
    </message>
    <message>
        <source>DSO sur 12 mois</source>
        <translation>DSO over 12 months</translation>
    </message>
    <message>
        <source>Litiges ouverts par cause</source>
        <translation>Open disputes by cause</translation>
    </message>
    <message>
        <source>les litiges</source>
        <translation>the disputes</translation>
    </message>
    <message>
        <source>Actions de relance du jour</source>
        <translation>Today&apos;s reminder actions</translation>
    </message>
    <message>
        <source>les relances</source>
        <translation>the reminders</translation>
    </message>
    <message>
        <source>Les dix plus gros retards</source>
        <translation>The ten largest late payers</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Échu</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Blocages à décider</source>
        <translation>Blocks to decide</translation>
    </message>
    <message>
        <source>Proposé le</source>
        <translation>Proposed on</translation>
    </message>
    <message>
        <source>Calcul du tableau de bord…</source>
        <translation>Working out the dashboard…</translation>
    </message>
    <message>
        <source>Au %s · encours &lt;b&gt;%s&lt;/b&gt; · échu &lt;b&gt;%s&lt;/b&gt; · DSO &lt;b&gt;%s&lt;/b&gt; · &lt;b&gt;%d&lt;/b&gt; litige(s) ouvert(s) · &lt;b&gt;%d&lt;/b&gt; action(s) à faire</source>
        <translation>As of %s · outstanding &lt;b&gt;%s&lt;/b&gt; · overdue &lt;b&gt;%s&lt;/b&gt; · DSO &lt;b&gt;%s&lt;/b&gt; · &lt;b&gt;%d&lt;/b&gt; open dispute(s) · &lt;b&gt;%d&lt;/b&gt; action(s) to do</translation>
    </message>
    <message>
        <source>%d j</source>
        <translation>%d d</translation>
    </message>
    <message>
        <source>Aucun retard</source>
        <translation>Nothing overdue</translation>
    </message>
    <message>
        <source>DSO sur 12 mois (jours)</source>
        <translation>DSO over 12 months (days)</translation>
    </message>
    <message>
        <source>Pas encore de ventes</source>
        <translation>No sales yet</translation>
    </message>
    <message>
        <source>Aucun litige ouvert</source>
        <translation>No open disputes</translation>
    </message>
    <message>
        <source>Aucune action due aujourd&apos;hui</source>
        <translation>No actions due today</translation>
    </message>
    <message>
        <source>Aucun client en retard.</source>
        <translation>No customer is late.</translation>
    </message>
    <message>
        <source>Aucune proposition de blocage en attente.</source>
        <translation>No blocking proposal waiting.</translation>
    </message>
    <message>
        <source>Enregistrer le rapport mensuel</source>
        <translation>Save the monthly report</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Préparation du rapport mensuel…</source>
        <translation>Preparing the monthly report…</translation>
    </message>
    <message>
        <source>Rapport impossible</source>
        <translation>Report failed</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %s</source>
        <translation>The file could not be written: %s</translation>
    </message>
    <message>
        <source>Rapport enregistré</source>
        <translation>Report saved</translation>
    </message>
    <message>
        <source>Rapport mensuel enregistré dans %s</source>
        <translation>Monthly report saved in %s</translation>
    </message>
</context>
<context>
    <name>DecisionsPanel</name>
    <message>
        <source>Bloquer…</source>
        <translation>Block…</translation>
    </message>
    <message>
        <source>Bloquer ce client (motif obligatoire)</source>
        <translation>Block this customer (reason required)</translation>
    </message>
    <message>
        <source>Maintenir…</source>
        <translation>Keep…</translation>
    </message>
    <message>
        <source>Ne pas bloquer ce client (motif obligatoire) ; reproposé dans 30 jours ou si la situation s&apos;aggrave</source>
        <translation>Do not block this customer (reason required); proposed again in 30 days or if the situation gets worse</translation>
    </message>
    <message>
        <source>Ouvrir la fiche</source>
        <translation>Open the record</translation>
    </message>
    <message>
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Seuil de retard proposant un blocage</source>
        <translation>Overdue threshold for proposing a block</translation>
    </message>
    <message>
        <source>Proposer le blocage quand la plus ancienne pièce impayée a plus de retard que ce seuil</source>
        <translation>Propose a block when the oldest unpaid document is more overdue than this threshold</translation>
    </message>
    <message>
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Proposer le blocage au-delà de</source>
        <translation>Propose a block beyond</translation>
    </message>
    <message>
        <source>de retard</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Propositions de blocage à décider</source>
        <translation>Block proposals awaiting a decision</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Proposé le</source>
        <translation>Proposed on</translation>
    </message>
    <message>
        <source>Calcul des propositions de blocage…</source>
        <translation>Calculating block proposals…</translation>
    </message>
    <message numerus="yes">
        <source>%n proposition(s) de blocage à décider</source>
        <translation>
            <numerusform>%n block proposal awaiting a decision</numerusform>
            <numerusform>%n block proposals awaiting a decision</numerusform>
        </translation>
    </message>
    <message>
        <source>Aucune proposition de blocage en attente.</source>
        <translation>No block proposals pending.</translation>
    </message>
    <message>
        <source>Bloquer le client</source>
        <translation>Block the customer</translation>
    </message>
    <message>
        <source>Pourquoi bloquer « %1 » ? Les commandes et propositions seront signalées.</source>
        <translation>Why block “%1”? Orders and proposals will be flagged.</translation>
    </message>
    <message>
        <source>Bloquer</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Maintenir le client</source>
        <translation>Keep the customer</translation>
    </message>
    <message>
        <source>Pourquoi ne pas bloquer « %1 » ? La proposition reviendra dans 30 jours, ou plus tôt si la situation s&apos;aggrave.</source>
        <translation>Why not block “%1”? The proposal will come back in 30 days, or sooner if the situation gets worse.</translation>
    </message>
    <message>
        <source>Maintenir</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Cette proposition a déjà été traitée ou retirée.</source>
        <translation>This proposal has already been handled or withdrawn.</translation>
    </message>
    <message>
        <source>Seuil de retard</source>
        <translation>Overdue threshold</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Modifications non enregistrées</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Abandonner les modifications saisies ?</source>
        <translation>Discard the changes you typed?</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DisputeDetailDialog</name>
    <message>
        <source>Ouvrir le client</source>
        <translation>Open the customer</translation>
    </message>
    <message>
        <source>Modifier…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Factures, montants, catégorie, service, responsable, dates</source>
        <translation>Invoices, amounts, category, department, assignee, dates</translation>
    </message>
    <message>
        <source>Fiche PDF…</source>
        <translation>PDF sheet…</translation>
    </message>
    <message>
        <source>La fiche du litige à imprimer pour une réunion</source>
        <translation>The dispute sheet, to print for a meeting</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Service concerné</source>
        <translation>Department concerned</translation>
    </message>
    <message>
        <source>Responsable</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Signalé</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Réponse attendue</source>
        <translation>Response due</translation>
    </message>
    <message>
        <source>Ouvert depuis</source>
        <translation>Open for</translation>
    </message>
    <message>
        <source>Montant contesté</source>
        <translation>Disputed amount</translation>
    </message>
    <message>
        <source>Factures contestées</source>
        <translation>Disputed invoices</translation>
    </message>
    <message>
        <source>Facture</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Montant TTC</source>
        <translation>Amount incl. VAT</translation>
    </message>
    <message>
        <source>Reste dû</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>Contesté</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <source>Attente client</source>
        <translation>Awaiting customer</translation>
    </message>
    <message>
        <source>Rouvrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Le service concerné analyse le litige</source>
        <translation>The department concerned is analysing the dispute</translation>
    </message>
    <message>
        <source>Une réponse ou une pièce est attendue du client</source>
        <translation>A reply or a document is expected from the customer</translation>
    </message>
    <message>
        <source>Remettre le litige à l&apos;état ouvert</source>
        <translation>Set the dispute back to open</translation>
    </message>
    <message>
        <source>Passer en :</source>
        <translation>Move to:</translation>
    </message>
    <message>
        <source>Historique et notes</source>
        <translation>History and notes</translation>
    </message>
    <message>
        <source>Une note, ou le commentaire du prochain changement de statut…</source>
        <translation>A note, or the comment for the next status change…</translation>
    </message>
    <message>
        <source>Ajouter la note</source>
        <translation>Add the note</translation>
    </message>
    <message>
        <source>Pièces jointes</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Ajouter…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Photo, bon de livraison… : une copie est rangée à côté du fichier Encaisse</source>
        <translation>Photo, delivery note…: a copy is stored next to the Encaisse file</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Clore le litige</source>
        <translation>Close the dispute</translation>
    </message>
    <message>
        <source>Issue du litige</source>
        <translation>Dispute outcome</translation>
    </message>
    <message>
        <source>ex. AV-2026-0012</source>
        <translation>e.g. AV-2026-0012</translation>
    </message>
    <message>
        <source>Qui a accordé le geste</source>
        <translation>Who granted the goodwill gesture</translation>
    </message>
    <message>
        <source>Clore le litige…</source>
        <translation>Close the dispute…</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>N° de l&apos;avoir *</source>
        <translation>Credit note no. *</translation>
    </message>
    <message>
        <source>N° de la facture réémise *</source>
        <translation>Reissued invoice no. *</translation>
    </message>
    <message>
        <source>Montant *</source>
        <translation>Amount *</translation>
    </message>
    <message>
        <source>Accordé par *</source>
        <translation>Granted by *</translation>
    </message>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Litige n° %1 — %2</source>
        <translation>Dispute no. %1 — %2</translation>
    </message>
    <message>
        <source>personne</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>le %s</source>
        <translation>on %s</translation>
    </message>
    <message>
        <source>par %1 le %2</source>
        <translation>by %1 on %2</translation>
    </message>
    <message>
        <source> (en retard)</source>
        <translation> (overdue)</translation>
    </message>
    <message numerus="yes">
        <source>%n jour(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Résolu le %1 par l&apos;avoir n° %2 de %3</source>
        <translation>Resolved on %1 by credit note no. %2 for %3</translation>
    </message>
    <message>
        <source>Résolu le %1 : facture réémise sous le n° %2</source>
        <translation>Resolved on %1: invoice reissued as no. %2</translation>
    </message>
    <message>
        <source>Résolu le %1 : geste commercial de %2 accordé par %3</source>
        <translation>Resolved on %1: goodwill gesture of %2 granted by %3</translation>
    </message>
    <message>
        <source>Rejeté le %1</source>
        <translation>Rejected on %1</translation>
    </message>
    <message>
        <source>Joindre une pièce au litige</source>
        <translation>Attach a document to the dispute</translation>
    </message>
    <message>
        <source>Photos, PDF et documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xlsx *.txt *.eml *.msg);;Tous les fichiers (*)</source>
        <translation>Photos, PDFs and documents (*.jpg *.jpeg *.png *.pdf *.doc *.docx *.xlsx *.txt *.eml *.msg);;All files (*)</translation>
    </message>
    <message>
        <source>La pièce n&apos;a pas pu être copiée : %s</source>
        <translation>The document could not be copied: %s</translation>
    </message>
    <message>
        <source>Pièce jointe</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Litige %1 %2.pdf</source>
        <translation>Dispute %1 %2.pdf</translation>
    </message>
    <message>
        <source>Enregistrer la fiche du litige</source>
        <translation>Save the dispute sheet</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Fiche non enregistrée</source>
        <translation>Sheet not saved</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %s</source>
        <translation>The file could not be written: %s</translation>
    </message>
    <message>
        <source>Motif du rejet *</source>
        <translation>Reason for rejection *</translation>
    </message>
    <message>
        <source>L&apos;avoir de %1 dépasse le montant contesté (%2).
Enregistrer quand même cet avoir et clore le litige ?</source>
        <translation>The credit note of %1 exceeds the disputed amount (%2).
Record this credit note anyway and close the dispute?</translation>
    </message>
    <message>
        <source>Rejeter ce litige ? Le montant contesté (%1) revient dans le cycle de relance.</source>
        <translation>Reject this dispute? The disputed amount (%1) goes back into the dunning cycle.</translation>
    </message>
    <message>
        <source>Clore ce litige : %1 ? Il ne pourra plus être modifié.</source>
        <translation>Close this dispute: %1? It can no longer be changed.</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <source>Modifier le litige</source>
        <translation>Edit the dispute</translation>
    </message>
    <message>
        <source>Nouveau litige</source>
        <translation>New dispute</translation>
    </message>
    <message>
        <source>Cochez les factures contestées ; le montant contesté est au plus ce qui reste dû. Les relances continuent sur le reste.</source>
        <translation>Tick the disputed invoices; the disputed amount can be at most the balance due. Reminders continue for the rest.</translation>
    </message>
    <message>
        <source>Ce client n&apos;a aucune facture ouverte à contester.</source>
        <translation>This customer has no open invoices to dispute.</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Service concerné</source>
        <translation>Department concerned</translation>
    </message>
    <message>
        <source>Ce que le client conteste, avec ses mots : références, quantités, dates…</source>
        <translation>What the customer disputes, in their own words: references, quantities, dates…</translation>
    </message>
    <message>
        <source>Nom de la personne chez le client</source>
        <translation>Name of the person at the customer</translation>
    </message>
    <message>
        <source>Responsable du litige</source>
        <translation>Dispute assignee</translation>
    </message>
    <message>
        <source>(personne)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <source>Date à laquelle le service doit avoir répondu (Suppr pour effacer)</source>
        <translation>Date by which the department must have replied (Del to clear)</translation>
    </message>
    <message>
        <source>Catégorie *</source>
        <translation>Category *</translation>
    </message>
    <message>
        <source>Description *</source>
        <translation>Description *</translation>
    </message>
    <message>
        <source>le</source>
        <translation>on</translation>
    </message>
    <message>
        <source>Signalé par</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>Service concerné *</source>
        <translation>Department concerned *</translation>
    </message>
    <message>
        <source>Responsable</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Réponse attendue le</source>
        <translation>Response due on</translation>
    </message>
    <message>
        <source>Client *</source>
        <translation>Customer *</translation>
    </message>
    <message>
        <source>— choisir un client —</source>
        <translation>— choose a customer —</translation>
    </message>
    <message>
        <source>Client introuvable</source>
        <translation>Customer not found</translation>
    </message>
    <message numerus="yes">
        <source>%n facture(s) cochée(s) — total contesté : %1</source>
        <translation>
            <numerusform>%n invoice ticked — total disputed: %1</numerusform>
            <numerusform>%n invoices ticked — total disputed: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DisputeTableModel</name>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Factures</source>
        <translation>Invoices</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Responsable</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Signalé</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Jours</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Réponse</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Contesté</source>
        <translation>Disputed</translation>
    </message>
    <message>
        <source>Signalé par le client le</source>
        <translation>Reported by the customer on</translation>
    </message>
    <message>
        <source>Jours depuis le signalement (jusqu&apos;à la clôture)</source>
        <translation>Days since it was reported (until closure)</translation>
    </message>
    <message>
        <source>Réponse attendue du service le</source>
        <translation>Response due from the department on</translation>
    </message>
    <message>
        <source>Montant contesté TTC</source>
        <translation>Disputed amount incl. VAT</translation>
    </message>
    <message>
        <source>Réponse attendue dépassée</source>
        <translation>Response overdue</translation>
    </message>
</context>
<context>
    <name>Disputes</name>
    <message>
        <source>Litige</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>Ce fichier est ouvert en lecture seule : aucun litige ne peut être ouvert.</source>
        <translation>This file is open read-only: no dispute can be opened.</translation>
    </message>
    <message>
        <source>Prix</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Quantité</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Erreur d&apos;article</source>
        <translation>Wrong item</translation>
    </message>
    <message>
        <source>Marchandise abîmée ou non conforme</source>
        <translation>Damaged or non-compliant goods</translation>
    </message>
    <message>
        <source>Non livré ou livré en partie</source>
        <translation>Not delivered or partly delivered</translation>
    </message>
    <message>
        <source>Facturé deux fois</source>
        <translation>Invoiced twice</translation>
    </message>
    <message>
        <source>Erreur de TVA ou de facturation</source>
        <translation>VAT or invoicing error</translation>
    </message>
    <message>
        <source>Bon de commande manquant</source>
        <translation>Missing purchase order</translation>
    </message>
    <message>
        <source>Désaccord sur le contrat</source>
        <translation>Disagreement over the contract</translation>
    </message>
    <message>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Sales</translation>
    </message>
    <message>
        <source>Logistique</source>
        <translation>Logistics</translation>
    </message>
    <message>
        <source>Qualité</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Comptabilité</source>
        <translation>Accounting</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Management</translation>
    </message>
    <message>
        <source>Ouvert</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>En analyse</source>
        <translation>Under analysis</translation>
    </message>
    <message>
        <source>Attente client</source>
        <translation>Awaiting customer</translation>
    </message>
    <message>
        <source>Résolu</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Rejeté</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Avoir</source>
        <translation>Credit note</translation>
    </message>
    <message>
        <source>Facture réémise</source>
        <translation>Reissued invoice</translation>
    </message>
    <message>
        <source>Geste commercial</source>
        <translation>Goodwill gesture</translation>
    </message>
</context>
<context>
    <name>DisputesPage</name>
    <message>
        <source>Litiges</source>
        <translation>Disputes</translation>
    </message>
    <message>
        <source>Filtrer par statut</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>En cours</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Filtrer par catégorie</source>
        <translation>Filter by category</translation>
    </message>
    <message>
        <source>Toutes les catégories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Filtrer par service</source>
        <translation>Filter by department</translation>
    </message>
    <message>
        <source>Tous les services</source>
        <translation>All departments</translation>
    </message>
    <message>
        <source>Filtrer par responsable</source>
        <translation>Filter by assignee</translation>
    </message>
    <message>
        <source>Tous les responsables</source>
        <translation>All assignees</translation>
    </message>
    <message>
        <source>Ouverts depuis au moins</source>
        <translation>Open for at least</translation>
    </message>
    <message>
        <source>tout âge</source>
        <translation>any age</translation>
    </message>
    <message>
        <source> j et plus</source>
        <translation> days or more</translation>
    </message>
    <message>
        <source>Litiges ouverts depuis au moins ce nombre de jours</source>
        <translation>Disputes open for at least this number of days</translation>
    </message>
    <message>
        <source>Nouveau litige…</source>
        <translation>New dispute…</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Ouvrir le litige sélectionné (Entrée)</source>
        <translation>Open the selected dispute (Enter)</translation>
    </message>
    <message>
        <source>Voir le client</source>
        <translation>View the customer</translation>
    </message>
    <message>
        <source>Fiche PDF…</source>
        <translation>PDF sheet…</translation>
    </message>
    <message>
        <source>La fiche du litige sélectionné, pour une réunion</source>
        <translation>The sheet of the selected dispute, for a meeting</translation>
    </message>
    <message>
        <source>Exporter en Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Les litiges affichés, avec leurs montants</source>
        <translation>The disputes shown, with their amounts</translation>
    </message>
    <message>
        <source>Catégorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Litiges par catégorie</source>
        <translation>Disputes by category</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Litiges par service</source>
        <translation>Disputes by department</translation>
    </message>
    <message>
        <source>Par cause</source>
        <translation>By cause</translation>
    </message>
    <message>
        <source>Par service</source>
        <translation>By department</translation>
    </message>
    <message>
        <source>Nb</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Aucun litige pour ces critères. Un litige s&apos;ouvre ici (Nouveau litige…), depuis la fiche d&apos;un client, une facture ou une relance du jour.</source>
        <translation>No disputes match these criteria. Open a dispute here (New dispute…), from a customer record, an invoice or one of today&apos;s reminders.</translation>
    </message>
    <message numerus="yes">
        <source>%n litige(s)</source>
        <translation>
            <numerusform>%n dispute</numerusform>
            <numerusform>%n disputes</numerusform>
        </translation>
    </message>
    <message>
        <source>montant contesté : &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>disputed amount: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>dont %n en cours</source>
        <translation>
            <numerusform>of which %n ongoing</numerusform>
            <numerusform>of which %n ongoing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n réponse(s) en retard</source>
        <translation>
            <numerusform>%n overdue response</numerusform>
            <numerusform>%n overdue responses</numerusform>
        </translation>
    </message>
    <message>
        <source>Litige %1 %2.pdf</source>
        <translation>Dispute %1 %2.pdf</translation>
    </message>
    <message>
        <source>Enregistrer la fiche du litige</source>
        <translation>Save the dispute sheet</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Fiche non enregistrée</source>
        <translation>Sheet not saved</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %s</source>
        <translation>The file could not be written: %s</translation>
    </message>
    <message>
        <source>Exporter les litiges</source>
        <translation>Export the disputes</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Export terminé</source>
        <translation>Export complete</translation>
    </message>
    <message numerus="yes">
        <source>%n litige(s) exporté(s) dans %1</source>
        <translation>
            <numerusform>%n dispute exported to %1</numerusform>
            <numerusform>%n disputes exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>N° de pièce</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Montant TTC</source>
        <translation>Amount incl. VAT</translation>
    </message>
    <message>
        <source>Réglé</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Reste dû</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>Retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Soldée le</source>
        <translation>Settled on</translation>
    </message>
    <message numerus="yes">
        <source>%n j</source>
        <translation>
            <numerusform>%n d</numerusform>
            <numerusform>%n d</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Pièces non soldées seulement</source>
        <translation>Unsettled documents only</translation>
    </message>
    <message>
        <source>Factures, avoirs et règlements</source>
        <translation>Invoices, credit notes and payments</translation>
    </message>
    <message>
        <source>Détail…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Détail des pénalités de retard</source>
        <translation>Late-payment penalty details</translation>
    </message>
    <message>
        <source>Contester…</source>
        <translation>Dispute…</translation>
    </message>
    <message>
        <source>Ouvrir un litige sur les factures sélectionnées</source>
        <translation>Open a dispute on the selected invoices</translation>
    </message>
    <message>
        <source>Encours : &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>Outstanding: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <source>dont échu : &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>of which overdue: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>plus ancien retard : %n jour(s)</source>
        <translation>
            <numerusform>oldest overdue: %n day</numerusform>
            <numerusform>oldest overdue: %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Aucune pièce non soldée.</source>
        <translation>No unsettled documents.</translation>
    </message>
    <message>
        <source>Aucune facture pour ce client. Importez-les depuis votre comptabilité.</source>
        <translation>No invoices for this customer. Import them from your accounting software.</translation>
    </message>
    <message>
        <source>taux inconnu</source>
        <translation>unknown rate</translation>
    </message>
    <message>
        <source>Pénalités de retard au %1 : %2 (taux %3)</source>
        <translation>Late-payment penalties as at %1: %2 (rate %3)</translation>
    </message>
    <message>
        <source>indemnités forfaitaires : %1 × %2 = %3</source>
        <translation>fixed recovery indemnities: %1 × %2 = %3</translation>
    </message>
    <message>
        <source>taux contractuel relevé à 3 fois le taux d&apos;intérêt légal</source>
        <translation>contractual rate raised to 3 times the statutory interest rate</translation>
    </message>
    <message>
        <source>procédure collective : arrêtées au %1</source>
        <translation>insolvency proceedings: stopped as at %1</translation>
    </message>
    <message>
        <source>taux inconnu pour une période : non comptée, ajoutez le taux dans Paramètres › Taux légaux</source>
        <translation>unknown rate for a period: not counted; add the rate in Settings › Statutory rates</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Import terminé</source>
        <translation>Import complete</translation>
    </message>
    <message>
        <source>%s pièce(s) créée(s), %s mise(s) à jour, %s soldée(s) ; %s client(s) créé(s).

Vous pouvez annuler cet import depuis la page Imports tant qu&apos;aucun autre n&apos;a suivi.</source>
        <translation>%s document(s) created, %s updated, %s settled; %s customer(s) created.

You can undo this import from the Imports page as long as no other import has followed it.</translation>
    </message>
</context>
<context>
    <name>DoubtfulFormDialog</name>
    <message>
        <source>Signaler comme douteuse</source>
        <translation>Report as doubtful</translation>
    </message>
    <message>
        <source>Ajouter à la liste des entreprises douteuses</source>
        <translation>Add to the list of doubtful companies</translation>
    </message>
    <message>
        <source>SIREN, SIRET ou n° d&apos;entreprise belge</source>
        <translation>SIREN, SIRET or Belgian enterprise number</translation>
    </message>
    <message>
        <source>Ce qui a été constaté : impayés, cotation, procédure…</source>
        <translation>What was seen: unpaid invoices, rating, proceedings…</translation>
    </message>
    <message>
        <source>Qui le dit : « BODACC A », « notre comptabilité »…</source>
        <translation>Who says so: “BODACC A”, “our accounts”…</translation>
    </message>
    <message>
        <source>Raison sociale</source>
        <translation>Legal name</translation>
    </message>
    <message>
        <source>SIREN / SIRET</source>
        <translation>SIREN / SIRET</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Code postal, ville</source>
        <translation>Postcode, town</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Précision sur la source</source>
        <translation>Detail of the source</translation>
    </message>
</context>
<context>
    <name>ErasureDialog</name>
    <message>
        <source>Effacer des données personnelles</source>
        <translation>Erase personal data</translation>
    </message>
    <message>
        <source>Motif de l&apos;effacement</source>
        <translation>Reason for erasure</translation>
    </message>
    <message>
        <source>ex. : demande écrite de l&apos;intéressée reçue le 12/03 par courriel</source>
        <translation>e.g. written request from the data subject received on 12/03 by e-mail</translation>
    </message>
    <message>
        <source>Nom à retaper pour confirmer</source>
        <translation>Name to retype to confirm</translation>
    </message>
    <message>
        <source>Pour confirmer, tapez son nom : &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>To confirm, type their name: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Effacer définitivement</source>
        <translation>Erase permanently</translation>
    </message>
    <message>
        <source>Motif (qui l&apos;a demandé, quand, comment) :</source>
        <translation>Reason (who asked, when, how):</translation>
    </message>
    <message>
        <source>sa fiche de contact (nom, fonction, e-mail, téléphone, notes) ;</source>
        <translation>their contact record (name, job title, e-mail, phone, notes);</translation>
    </message>
    <message>
        <source>sur la fiche du client : nom, nom commercial, adresses, e-mail, téléphone, site web, identifiants et notes (le nom devient « Client effacé n° %1 ») ;</source>
        <translation>on the customer record: name, trading name, addresses, e-mail, phone, website, identifiers and notes (the name becomes “Client effacé n° %1”);</translation>
    </message>
    <message>
        <source>ses contacts (%1) : leurs fiches, et leurs noms, e-mails et téléphones partout où ils sont écrits ;</source>
        <translation>their contacts (%1): their records, and their names, e-mails and phone numbers wherever they are written;</translation>
    </message>
    <message>
        <source>%1 : %2 texte(s) où « [effacé] » remplacera ses données ;</source>
        <translation>%1: %2 text(s) where “[effacé]” will replace their data;</translation>
    </message>
    <message>
        <source>les valeurs de sa fiche dans le journal des modifications (%1 ligne(s)).</source>
        <translation>the values of their record in the change log (%1 row(s)).</translation>
    </message>
    <message>
        <source>Effacer les données de &lt;b&gt;%1&lt;/b&gt; (%2) ?</source>
        <translation>Erase the data of &lt;b&gt;%1&lt;/b&gt; (%2)?</translation>
    </message>
    <message>
        <source>Effacer les données personnelles du client &lt;b&gt;%1&lt;/b&gt; ?</source>
        <translation>Erase the personal data of customer &lt;b&gt;%1&lt;/b&gt;?</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>raison sociale</source>
        <translation>legal name</translation>
    </message>
    <message>
        <source>statut</source>
        <translation>status</translation>
    </message>
    <message>
        <source>nom commercial</source>
        <translation>trading name</translation>
    </message>
    <message>
        <source>forme juridique</source>
        <translation>legal form</translation>
    </message>
    <message>
        <source>pays</source>
        <translation>country</translation>
    </message>
    <message>
        <source>SIREN</source>
        <translation>SIREN</translation>
    </message>
    <message>
        <source>SIRET</source>
        <translation>SIRET</translation>
    </message>
    <message>
        <source>n° d&apos;entreprise</source>
        <translation>enterprise number</translation>
    </message>
    <message>
        <source>n° de TVA</source>
        <translation>VAT number</translation>
    </message>
    <message>
        <source>compte auxiliaire</source>
        <translation>customer account</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>email</translation>
    </message>
    <message>
        <source>téléphone</source>
        <translation>phone</translation>
    </message>
    <message>
        <source>site web</source>
        <translation>website</translation>
    </message>
    <message>
        <source>particulier</source>
        <translation>private individual</translation>
    </message>
    <message>
        <source>langue des courriers</source>
        <translation>letter language</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>segment</translation>
    </message>
    <message>
        <source>commercial</source>
        <translation>salesperson</translation>
    </message>
    <message>
        <source>délai de paiement</source>
        <translation>payment terms</translation>
    </message>
    <message>
        <source>mode de calcul du délai</source>
        <translation>payment terms basis</translation>
    </message>
    <message>
        <source>plafond de crédit</source>
        <translation>credit limit</translation>
    </message>
    <message>
        <source>taux de pénalités contractuel</source>
        <translation>contractual penalty rate</translation>
    </message>
    <message>
        <source>procédure collective</source>
        <translation>insolvency proceedings</translation>
    </message>
    <message>
        <source>date du jugement d&apos;ouverture</source>
        <translation>date of the opening judgment</translation>
    </message>
    <message>
        <source>date de publication au BODACC</source>
        <translation>BODACC publication date</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>adresse de facturation</source>
        <translation>billing address</translation>
    </message>
    <message>
        <source>adresse de livraison</source>
        <translation>delivery address</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Fichier à importer</source>
        <translation>File to import</translation>
    </message>
    <message>
        <source>Un FEC (fichier des écritures comptables) ou une balance âgée exportée en CSV ou Excel par votre logiciel comptable (EBP, Sage, Pennylane, tableur…).</source>
        <translation>A FEC (French accounting entries file) or an aged balance exported as CSV or Excel by your accounting software (EBP, Sage, Pennylane, spreadsheet…).</translation>
    </message>
    <message>
        <source>Chemin du fichier</source>
        <translation>File path</translation>
    </message>
    <message>
        <source>Parcourir…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Choisir le fichier à importer</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>Exports comptables (*.txt *.csv *.tsv *.xlsx *.fec);;Tous les fichiers (*)</source>
        <translation>Accounting exports (*.txt *.csv *.tsv *.xlsx *.fec);;All files (*)</translation>
    </message>
    <message>
        <source>Ce fichier n&apos;existe pas.</source>
        <translation>This file does not exist.</translation>
    </message>
    <message>
        <source>Ce fichier ne peut pas être lu.</source>
        <translation>This file cannot be read.</translation>
    </message>
    <message>
        <source>Fichier des écritures comptables (FEC)</source>
        <translation>Accounting entries file (FEC)</translation>
    </message>
    <message>
        <source>Tableau CSV : vous indiquerez ses colonnes à l&apos;étape suivante</source>
        <translation>CSV table: you will specify its columns in the next step</translation>
    </message>
    <message>
        <source>Classeur Excel : vous indiquerez ses colonnes à l&apos;étape suivante</source>
        <translation>Excel workbook: you will specify its columns in the next step</translation>
    </message>
    <message>
        <source>Format reconnu : %s</source>
        <translation>Recognised format: %s</translation>
    </message>
</context>
<context>
    <name>GuiController</name>
    <message>
        <source>Le fichier « %s » existe déjà : choisissez un autre emplacement ou ouvrez-le.</source>
        <translation>The file “%s” already exists: please choose another location or open it.</translation>
    </message>
    <message>
        <source>Création de la société de démonstration…</source>
        <translation>Creating the demo company…</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Une erreur inattendue s&apos;est produite et l&apos;action en cours a été annulée. Ce qui était déjà enregistré n&apos;a pas été touché.</source>
        <translation>An unexpected error occurred and the current action was cancelled. What was already saved has not been touched.</translation>
    </message>
    <message>
        <source>Le détail est noté dans %s.</source>
        <translation>The details are logged in %s.</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Transmettre au commercial</source>
        <translation>Hand over to the salesperson</translation>
    </message>
    <message>
        <source>Commercial *</source>
        <translation>Salesperson *</translation>
    </message>
    <message>
        <source>Ce qu&apos;il faut dire *</source>
        <translation>What to say *</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Importer depuis la comptabilité</source>
        <translation>Import from accounting</translation>
    </message>
    <message>
        <source>Suivant &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Précédent</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>ImportsPage</name>
    <message>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <source>Importez les factures, avoirs et règlements de votre logiciel comptable : un FEC, ou une balance âgée en CSV ou Excel. Réimporter le même export, ou un plus récent, met à jour ce qui a changé sans jamais créer de doublon.</source>
        <translation>Import the invoices, credit notes and payments from your accounting software: a FEC, or an aged balance as CSV or Excel. Re-importing the same export, or a more recent one, updates what has changed without ever creating duplicates.</translation>
    </message>
    <message>
        <source>Importer un fichier…</source>
        <translation>Import a file…</translation>
    </message>
    <message>
        <source>Importer un FEC, un CSV ou un classeur Excel (Ctrl+I)</source>
        <translation>Import a FEC, a CSV file or an Excel workbook (Ctrl+I)</translation>
    </message>
    <message>
        <source>Annuler le dernier import…</source>
        <translation>Undo the last import…</translation>
    </message>
    <message>
        <source>Historique des imports</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Fichier</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Créées</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Mises à jour</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Soldées</source>
        <translation>Settled</translation>
    </message>
    <message>
        <source>Clients créés</source>
        <translation>Customers created</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Imports précédents</source>
        <translation>Previous imports</translation>
    </message>
    <message>
        <source>annulé le %s</source>
        <translation>undone on %s</translation>
    </message>
    <message>
        <source>importé</source>
        <translation>imported</translation>
    </message>
    <message>
        <source>Annuler le dernier import</source>
        <translation>Undo the last import</translation>
    </message>
    <message>
        <source>Les pièces créées par le dernier import seront supprimées et celles qu&apos;il a modifiées retrouveront leur état d&apos;avant. Continuer ?</source>
        <translation>The documents created by the last import will be deleted and those it modified will return to their previous state. Continue?</translation>
    </message>
    <message>
        <source>Annulation impossible</source>
        <translation>Cannot undo the import</translation>
    </message>
</context>
<context>
    <name>InsolvencyDialog</name>
    <message>
        <source>Procédure collective</source>
        <translation>Insolvency proceedings</translation>
    </message>
    <message>
        <source>À partir du jugement d&apos;ouverture, les relances et les pénalités s&apos;arrêtent et le client est bloqué. La déclaration de créance doit parvenir au mandataire dans les 2 mois de la publication au BODACC.</source>
        <translation>From the opening judgment, reminders and penalties stop and the customer is blocked. The proof of claim must reach the creditors&apos; representative within 2 months of the BODACC publication.</translation>
    </message>
    <message>
        <source>facultatif : tribunal, n° de jugement…</source>
        <translation>optional: court, judgment no.…</translation>
    </message>
    <message>
        <source>Procédure</source>
        <translation>Proceedings</translation>
    </message>
    <message>
        <source>Jugement d&apos;ouverture</source>
        <translation>Opening judgment</translation>
    </message>
    <message>
        <source>Publication au BODACC</source>
        <translation>BODACC publication</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>InvoiceTable</name>
    <message>
        <source>Factures contestées</source>
        <translation>Disputed invoices</translation>
    </message>
    <message>
        <source>Facture</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Montant TTC</source>
        <translation>Amount incl. VAT</translation>
    </message>
    <message>
        <source>Reste dû</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>Montant contesté</source>
        <translation>Disputed amount</translation>
    </message>
    <message>
        <source>Déjà contesté dans un autre litige : %s</source>
        <translation>Already disputed in another dispute: %s</translation>
    </message>
    <message>
        <source>déjà contestée</source>
        <translation>already disputed</translation>
    </message>
    <message>
        <source>Montant contesté de la facture %s</source>
        <translation>Disputed amount of invoice %s</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <source>Actif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Sous surveillance</source>
        <translation>Under watch</translation>
    </message>
    <message>
        <source>Bloqué</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Procédure collective</source>
        <translation>Insolvency proceedings</translation>
    </message>
    <message>
        <source>Dirigeant</source>
        <translation>Owner-manager</translation>
    </message>
    <message>
        <source>Assistant(e) relances</source>
        <translation>Credit-control assistant</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <source>Belgique</source>
        <translation>Belgium</translation>
    </message>
    <message>
        <source>Autre pays</source>
        <translation>Other country</translation>
    </message>
    <message>
        <source>jours date de facture</source>
        <translation>days from invoice date</translation>
    </message>
    <message>
        <source>jours fin de mois</source>
        <translation>days end of month</translation>
    </message>
    <message>
        <source>jours après la fin du mois</source>
        <translation>days after end of month</translation>
    </message>
    <message>
        <source>Paiement comptant</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <source>Comptant</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>%n j date de facture</source>
        <translation>%n days from invoice date</translation>
    </message>
    <message>
        <source>%n j fin de mois</source>
        <translation>%n days end of month</translation>
    </message>
    <message>
        <source>fin de mois + %n j</source>
        <translation>end of month + %n days</translation>
    </message>
    <message>
        <source>Sauvegarde</source>
        <translation>Safeguard</translation>
    </message>
    <message>
        <source>Redressement judiciaire</source>
        <translation>Receivership</translation>
    </message>
    <message>
        <source>Liquidation judiciaire</source>
        <translation>Compulsory liquidation</translation>
    </message>
    <message>
        <source>Banque de France</source>
        <translation>Banque de France</translation>
    </message>
    <message>
        <source>Coface (DRA 0–10)</source>
        <translation>Coface (DRA 0–10)</translation>
    </message>
    <message>
        <source>Creditsafe (0–100)</source>
        <translation>Creditsafe (0–100)</translation>
    </message>
    <message>
        <source>Ellisphere</source>
        <translation>Ellisphere</translation>
    </message>
    <message>
        <source>Graydon</source>
        <translation>Graydon</translation>
    </message>
    <message>
        <source>Autre source</source>
        <translation>Other source</translation>
    </message>
    <message>
        <source>Activité sur le site</source>
        <translation>Activity on site</translation>
    </message>
    <message>
        <source>Rotation du personnel</source>
        <translation>Staff turnover</translation>
    </message>
    <message>
        <source>Stock et rayons</source>
        <translation>Stock and shelves</translation>
    </message>
    <message>
        <source>Nouveaux équipements (achat ou leasing)</source>
        <translation>New equipment (purchased or leased)</translation>
    </message>
    <message>
        <source>Locaux</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Difficultés de paiement évoquées</source>
        <translation>Payment difficulties mentioned</translation>
    </message>
    <message>
        <source>Commandes en cours</source>
        <translation>Orders in progress</translation>
    </message>
    <message>
        <source>Rassurant</source>
        <translation>Reassuring</translation>
    </message>
    <message>
        <source>Neutre</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Inquiétant</source>
        <translation>Worrying</translation>
    </message>
    <message>
        <source>Non observé</source>
        <translation>Not observed</translation>
    </message>
    <message>
        <source>Facture</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Avoir</source>
        <translation>Credit note</translation>
    </message>
    <message>
        <source>Règlement</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Échéance prévue</source>
        <translation>Expected instalment</translation>
    </message>
    <message>
        <source>BCE – taux des opérations principales de refinancement</source>
        <translation>ECB – main refinancing operations rate</translation>
    </message>
    <message>
        <source>Taux d&apos;intérêt légal (créanciers professionnels)</source>
        <translation>Statutory interest rate (business creditors)</translation>
    </message>
    <message>
        <source>Taux d&apos;intérêt légal (autres cas, dont particuliers)</source>
        <translation>Statutory interest rate (other cases, including private individuals)</translation>
    </message>
    <message>
        <source>Belgique – taux d&apos;intérêt de retard (loi du 2 août 2002)</source>
        <translation>Belgium – late-payment interest rate (Act of 2 August 2002)</translation>
    </message>
</context>
<context>
    <name>LetterBatchDialog</name>
    <message>
        <source>Courriers du %1</source>
        <translation>Letters for %1</translation>
    </message>
    <message>
        <source>Courriers à imprimer</source>
        <translation>Letters to print</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Enregistrer le PDF…</source>
        <translation>Save the PDF…</translation>
    </message>
    <message>
        <source>Imprimer…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Préparation des courriers…</source>
        <translation>Preparing the letters…</translation>
    </message>
    <message>
        <source>%1 (recommandé AR)</source>
        <translation>%1 (recorded delivery)</translation>
    </message>
    <message numerus="yes">
        <source>%n courrier(s) à imprimer</source>
        <translation>
            <numerusform>%n letter to print</numerusform>
            <numerusform>%n letters to print</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n client(s) sans courrier</source>
        <translation>
            <numerusform>%n customer without a letter</numerusform>
            <numerusform>%n customers without a letter</numerusform>
        </translation>
    </message>
    <message>
        <source>Enregistrer les courriers</source>
        <translation>Save the letters</translation>
    </message>
    <message>
        <source>Documents PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Enregistrement impossible</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <source>Impression des courriers…</source>
        <translation>Printing letters…</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Relances faites ?</source>
        <translation>Reminders done?</translation>
    </message>
    <message numerus="yes">
        <source>Marquer ces %n relances comme faites ?</source>
        <translation>
            <numerusform>Mark this reminder as done?</numerusform>
            <numerusform>Mark these %n reminders as done?</numerusform>
        </translation>
    </message>
    <message>
        <source>Relances modifiées</source>
        <translation>Reminders changed</translation>
    </message>
    <message>
        <source>Certaines de ces relances ont été traitées ou supprimées entre-temps : aucune n&apos;a été marquée. Rouvrez les courriers du jour.</source>
        <translation>Some of these reminders have been handled or deleted in the meantime: none has been marked. Reopen today&apos;s letters.</translation>
    </message>
    <message numerus="yes">
        <source>%n relance(s) marquée(s) comme faite(s).</source>
        <translation>
            <numerusform>%n reminder marked as done.</numerusform>
            <numerusform>%n reminders marked as done.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <source>Impossible d&apos;imprimer : pas d&apos;adresse postale</source>
        <translation>Cannot print: no postal address</translation>
    </message>
    <message>
        <source>Impossible d&apos;envoyer : pas d&apos;adresse e-mail</source>
        <translation>Cannot send: no email address</translation>
    </message>
    <message>
        <source>Impossible de produire</source>
        <translation>Cannot be produced</translation>
    </message>
    <message>
        <source>Rappel de courtoisie</source>
        <translation>Courtesy reminder</translation>
    </message>
    <message>
        <source>Relance amiable</source>
        <translation>Friendly reminder</translation>
    </message>
    <message>
        <source>Relance ferme</source>
        <translation>Firm reminder</translation>
    </message>
    <message>
        <source>Dernière relance</source>
        <translation>Final reminder</translation>
    </message>
    <message>
        <source>Mise en demeure</source>
        <translation>Formal notice</translation>
    </message>
</context>
<context>
    <name>LinesTable</name>
    <message>
        <source>Lignes de la proposition</source>
        <translation>Proposal lines</translation>
    </message>
    <message>
        <source>Désignation</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Quantité</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Prix unitaire HT</source>
        <translation>Unit price excl. VAT</translation>
    </message>
    <message>
        <source>TVA %</source>
        <translation>VAT %</translation>
    </message>
    <message>
        <source>Total HT</source>
        <translation>Total excl. VAT</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Tableau de bord</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Clients et prospects</source>
        <translation>Customers and prospects</translation>
    </message>
    <message>
        <source>Encours</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <source>Relances</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Propositions</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>Litiges</source>
        <translation>Disputes</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Société de démonstration : les données sont fictives.</source>
        <translation>Demo company: the data is fictitious.</translation>
    </message>
    <message>
        <source>Utilisateur</source>
        <translation>User</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Nouveau client…</source>
        <translation>&amp;New customer…</translation>
    </message>
    <message>
        <source>&amp;Importer depuis la comptabilité…</source>
        <translation>&amp;Import from accounting…</translation>
    </message>
    <message>
        <source>Fiches de visite de la semaine…</source>
        <translation>This week&apos;s visit briefs…</translation>
    </message>
    <message>
        <source>Nouveau fichier d&apos;entreprise…</source>
        <translation>New company file…</translation>
    </message>
    <message>
        <source>&amp;Ouvrir un fichier…</source>
        <translation>&amp;Open a file…</translation>
    </message>
    <message>
        <source>Sauvegardes et restauration…</source>
        <translation>Backups and restore…</translation>
    </message>
    <message>
        <source>Changer d&apos;utilisateur…</source>
        <translation>Switch user…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Aller à</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>Rechercher un client</source>
        <translation>Search for a customer</translation>
    </message>
    <message>
        <source>Vérifier une entreprise…</source>
        <translation>Check a company…</translation>
    </message>
    <message>
        <source>Journal des modifications…</source>
        <translation>Change log…</translation>
    </message>
    <message>
        <source>&amp;Aide</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>À propos d&apos;Encaisse</source>
        <translation>About Encaisse</translation>
    </message>
    <message>
        <source>Vous travaillez maintenant sous le nom de %s.</source>
        <translation>You are now working as %s.</translation>
    </message>
    <message>
        <source>Client supprimé.</source>
        <translation>Customer deleted.</translation>
    </message>
    <message>
        <source>Ouvrir un fichier Encaisse</source>
        <translation>Open an Encaisse file</translation>
    </message>
    <message>
        <source>Fichiers Encaisse (*.sqlite *.encaisse);;Tous les fichiers (*)</source>
        <translation>Encaisse files (*.sqlite *.encaisse);;All files (*)</translation>
    </message>
    <message>
        <source>(entreprise non renseignée)</source>
        <translation>(company not specified)</translation>
    </message>
    <message>
        <source>Nouveau client</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Vérifier une entreprise (liste des douteuses)</source>
        <translation>Check a company (doubtful list)</translation>
    </message>
    <message>
        <source>Journal des modifications</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Ouvrir le client sélectionné</source>
        <translation>Open the selected customer</translation>
    </message>
    <message>
        <source>Modifier la fiche ouverte</source>
        <translation>Edit the open customer record</translation>
    </message>
    <message>
        <source>Nouveau rapport de visite</source>
        <translation>New visit report</translation>
    </message>
    <message>
        <source>Revenir à la liste</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <source>Aller à un espace</source>
        <translation>Go to a section</translation>
    </message>
    <message>
        <source>Importer depuis la comptabilité</source>
        <translation>Import from accounting</translation>
    </message>
    <message>
        <source>Relances : recalculer les relances du jour</source>
        <translation>Reminders: recompute today&apos;s reminders</translation>
    </message>
    <message>
        <source>Relances : marquer l&apos;action comme faite</source>
        <translation>Reminders: mark the action as done</translation>
    </message>
    <message>
        <source>Ouvrir un autre fichier</source>
        <translation>Open another file</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&lt;b&gt;Encaisse %s&lt;/b&gt;&lt;br&gt;Vendre c&apos;est bien, être payé c&apos;est mieux.&lt;br&gt;&lt;br&gt;Fichier de données : %s</source>
        <translation>&lt;b&gt;Encaisse %s&lt;/b&gt;&lt;br&gt;Selling is good; getting paid is better.&lt;br&gt;&lt;br&gt;Data file: %s</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Le fichier « {path} » n&apos;est pas un fichier Encaisse : ce n&apos;est pas une base SQLite. Il n&apos;a pas été modifié.</source>
        <translation>The file “{path}” is not an Encaisse file: it is not an SQLite database. It has not been modified.</translation>
    </message>
    <message>
        <source>Le fichier « {path} » est une base SQLite, mais pas un fichier Encaisse. Il n&apos;a pas été modifié.</source>
        <translation>The file “{path}” is an SQLite database, but not an Encaisse file. It has not been modified.</translation>
    </message>
    <message>
        <source>Le fichier « {path} » a été enregistré par une version plus récente d&apos;Encaisse. Installez la dernière version pour l&apos;ouvrir ; il n&apos;a pas été modifié.</source>
        <translation>The file “{path}” was saved by a newer version of Encaisse. Please install the latest version to open it; the file has not been modified.</translation>
    </message>
    <message>
        <source>Le fichier « {path} » est endommagé et ne peut pas être lu. Il n&apos;a pas été modifié ; restaurez la dernière sauvegarde.</source>
        <translation>The file “{path}” is damaged and cannot be read. It has not been modified; please restore your latest backup.</translation>
    </message>
    <message>
        <source>Le fichier « {path} » est en lecture seule : Encaisse ne peut pas y enregistrer vos modifications. Vérifiez ses droits d&apos;accès.</source>
        <translation>The file “{path}” is read-only: Encaisse cannot save your changes to it. Please check its access permissions.</translation>
    </message>
    <message>
        <source>Le dossier contenant « {path} » est en lecture seule : Encaisse ne peut pas y écrire. Choisissez un autre emplacement ou vérifiez les droits d&apos;accès.</source>
        <translation>The folder containing “{path}” is read-only: Encaisse cannot write there. Choose another location or check the access rights.</translation>
    </message>
    <message>
        <source>Le dossier prévu pour « {path} » n&apos;existe pas. Choisissez un autre emplacement.</source>
        <translation>The folder meant for “{path}” does not exist. Choose another location.</translation>
    </message>
    <message>
        <source>Le fichier « {path} » n&apos;existe pas.</source>
        <translation>The file “{path}” does not exist.</translation>
    </message>
    <message>
        <source>Le fichier « {path} » a été créé par une version plus ancienne d&apos;Encaisse. Ouvrez-le une fois dans l&apos;application pour le mettre à jour (une copie est gardée).</source>
        <translation>The file “{path}” was created by an older version of Encaisse. Open it once in the application to update it (a copy is kept).</translation>
    </message>
    <message>
        <source>Impossible d&apos;ouvrir « {path} ».</source>
        <translation>Unable to open “{path}”.</translation>
    </message>
    <message>
        <source>Ce fichier est déjà ouvert par {user} sur l&apos;ordinateur « {host} » (depuis {since}). Fermez Encaisse sur ce poste avant de l&apos;ouvrir ici.</source>
        <translation>This file is already open by {user} on the computer “{host}” (since {since}). Please close Encaisse on that computer before opening it here.</translation>
    </message>
    <message>
        <source>Aucun fichier Encaisse à « {path} ». Lancez « encaisse » pour le créer, ou « encaisse demo » pour une société de démonstration.</source>
        <translation>No Encaisse file at “{path}”. Run “encaisse” to create it, or “encaisse demo” for a demo company.</translation>
    </message>
    <message>
        <source>Ce champ est obligatoire.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>Trop long : {max} caractères au plus.</source>
        <translation>Too long: {max} characters at most.</translation>
    </message>
    <message>
        <source>SIREN invalide : 9 chiffres dont le dernier est une clé de contrôle.</source>
        <translation>Invalid SIREN: 9 digits, the last one being a check digit.</translation>
    </message>
    <message>
        <source>SIRET invalide : 14 chiffres (SIREN + numéro d&apos;établissement).</source>
        <translation>Invalid SIRET: 14 digits (SIREN + establishment number).</translation>
    </message>
    <message>
        <source>Ce SIRET ne commence pas par le SIREN saisi.</source>
        <translation>This SIRET does not start with the SIREN entered.</translation>
    </message>
    <message>
        <source>Numéro de TVA français invalide : FR, 2 caractères de clé puis le SIREN.</source>
        <translation>Invalid French VAT number: FR, a 2-character key, then the SIREN.</translation>
    </message>
    <message>
        <source>Numéro de TVA belge invalide : BE suivi des 10 chiffres du numéro BCE.</source>
        <translation>Invalid Belgian VAT number: BE followed by the 10 digits of the CBE number.</translation>
    </message>
    <message>
        <source>Numéro de TVA intracommunautaire invalide.</source>
        <translation>Invalid EU VAT number.</translation>
    </message>
    <message>
        <source>Numéro d&apos;entreprise belge invalide : 10 chiffres, clé modulo 97.</source>
        <translation>Invalid Belgian enterprise number: 10 digits, with a modulo 97 check.</translation>
    </message>
    <message>
        <source>IBAN invalide : vérifiez la clé et la longueur.</source>
        <translation>Invalid IBAN: please check the check digits and the length.</translation>
    </message>
    <message>
        <source>BIC invalide : 8 ou 11 caractères.</source>
        <translation>Invalid BIC: 8 or 11 characters.</translation>
    </message>
    <message>
        <source>Adresse e-mail invalide.</source>
        <translation>Invalid email address.</translation>
    </message>
    <message>
        <source>Code postal invalide (5 chiffres en France, 4 en Belgique).</source>
        <translation>Invalid postcode (5 digits in France, 4 in Belgium).</translation>
    </message>
    <message>
        <source>Montant invalide.</source>
        <translation>Invalid amount.</translation>
    </message>
    <message>
        <source>La valeur ne peut pas être négative.</source>
        <translation>The value cannot be negative.</translation>
    </message>
    <message>
        <source>Délai supérieur au maximum légal entre professionnels : {max} jours pour ce mode de calcul.</source>
        <translation>Payment terms exceed the legal maximum between businesses: {max} days for this calculation basis.</translation>
    </message>
    <message>
        <source>Date incohérente.</source>
        <translation>Inconsistent date.</translation>
    </message>
    <message>
        <source>Cette date est dans le futur.</source>
        <translation>This date is in the future.</translation>
    </message>
    <message>
        <source>Ce SIREN est déjà celui de « {name} ».</source>
        <translation>This SIREN already belongs to “{name}”.</translation>
    </message>
    <message>
        <source>Ce numéro d&apos;entreprise est déjà celui de « {name} ».</source>
        <translation>This enterprise number already belongs to “{name}”.</translation>
    </message>
    <message>
        <source>Ce compte auxiliaire est déjà celui de « {name} ».</source>
        <translation>This customer account already belongs to “{name}”.</translation>
    </message>
    <message>
        <source>Ce nom existe déjà.</source>
        <translation>This name already exists.</translation>
    </message>
    <message>
        <source>Cet élément n&apos;existe plus.</source>
        <translation>This item no longer exists.</translation>
    </message>
    <message>
        <source>Note hors de l&apos;échelle de cette source ({min} à {max}).</source>
        <translation>Rating outside this source&apos;s scale ({min} to {max}).</translation>
    </message>
    <message>
        <source>Une observation est en double.</source>
        <translation>An observation appears twice.</translation>
    </message>
    <message>
        <source>Cette date est trop éloignée : {max} jours au plus.</source>
        <translation>This date is too far away: {max} days at most.</translation>
    </message>
    <message>
        <source>Valeur hors limites : de {min} à {max}.</source>
        <translation>Value out of range: {min} to {max}.</translation>
    </message>
    <message>
        <source>C&apos;est déjà fait : rien n&apos;a été modifié.</source>
        <translation>Already done: nothing has been changed.</translation>
    </message>
    <message>
        <source>Un plan de relance a au moins un niveau.</source>
        <translation>A dunning plan needs at least one level.</translation>
    </message>
    <message>
        <source>Deux niveaux ont le même décalage ({days} jours) : un seul par jour.</source>
        <translation>Two levels have the same offset ({days} days): only one per day.</translation>
    </message>
    <message>
        <source>Un seul rappel de courtoisie (décalage négatif, avant l&apos;échéance) par plan.</source>
        <translation>Only one courtesy reminder (negative offset, before the due date) per plan.</translation>
    </message>
    <message>
        <source>L&apos;indemnité forfaitaire de 40 € ne peut jamais être réclamée à un particulier.</source>
        <translation>The €40 fixed recovery indemnity can never be claimed from a private individual.</translation>
    </message>
    <message>
        <source>C&apos;est le plan par défaut : choisissez d&apos;abord un autre plan par défaut.</source>
        <translation>This is the default plan: choose another default plan first.</translation>
    </message>
    <message>
        <source>Le taux contractuel ne peut être inférieur à 3 fois le taux d&apos;intérêt légal, soit {min}.</source>
        <translation>The contractual rate cannot be lower than 3 times the statutory interest rate, i.e. {min}.</translation>
    </message>
    <message>
        <source>Taux invraisemblable : {max} au plus.</source>
        <translation>Implausible rate: {max} at most.</translation>
    </message>
    <message>
        <source>Un taux de ce type existe déjà au {date} ({rate}).</source>
        <translation>A rate of this type already exists on {date} ({rate}).</translation>
    </message>
    <message>
        <source>Ce taux est livré avec Encaisse : il ne peut pas être supprimé. Ajoutez plutôt un taux à une date plus récente.</source>
        <translation>This rate ships with Encaisse and cannot be deleted. Add a rate with a more recent date instead.</translation>
    </message>
    <message>
        <source>Ce client a des factures ou des règlements : il ne peut pas être supprimé. Passez-le plutôt au statut « Bloqué ».</source>
        <translation>This customer has invoices or payments, so it cannot be deleted. Please set its status to “Blocked” instead.</translation>
    </message>
    <message>
        <source>Montant supérieur à ce qui reste contestable : {max} au plus.</source>
        <translation>Amount exceeds what can still be disputed: {max} at most.</translation>
    </message>
    <message>
        <source>Cette facture figure déjà dans la liste.</source>
        <translation>This invoice is already in the list.</translation>
    </message>
    <message>
        <source>Ce n&apos;est pas une facture ouverte de ce client.</source>
        <translation>This is not an open invoice of this customer.</translation>
    </message>
    <message>
        <source>Ce numéro est déjà utilisé.</source>
        <translation>This number is already in use.</translation>
    </message>
    <message>
        <source>Cette valeur ne peut plus être changée.</source>
        <translation>This value can no longer be changed.</translation>
    </message>
    <message>
        <source>Les pourcentages font {total} au total : ils doivent faire 100 %.</source>
        <translation>The percentages add up to {total}: they must add up to 100%.</translation>
    </message>
    <message>
        <source>Date antérieure à la proposition (du {date}).</source>
        <translation>Date before the proposal (dated {date}).</translation>
    </message>
    <message>
        <source>Les échéances doivent se suivre : cette date précède la ligne du dessus.</source>
        <translation>Instalments must be in order: this date is before the line above.</translation>
    </message>
    <message>
        <source>La quantité doit être supérieure à zéro.</source>
        <translation>The quantity must be greater than zero.</translation>
    </message>
    <message>
        <source>{total} ne peut pas être réparti en {count} échéances : chacune doit recevoir au moins un centime.</source>
        <translation>{total} cannot be split into {count} instalments: each must receive at least one cent.</translation>
    </message>
    <message>
        <source>Client bloqué : l&apos;échéancier doit prévoir un acompte ou un paiement à la commande.</source>
        <translation>Customer blocked: the payment schedule must include a deposit or payment with the order.</translation>
    </message>
    <message>
        <source>Le code PIN doit compter de 4 à 8 chiffres.</source>
        <translation>The PIN must have 4 to 8 digits.</translation>
    </message>
    <message>
        <source>Valeur invalide.</source>
        <translation>Invalid value.</translation>
    </message>
    <message>
        <source>aucune correspondance de colonnes : indiquez quelle colonne contient le code client, le numéro, la date et le montant, ou choisissez une correspondance enregistrée</source>
        <translation>no column mapping: indicate which column contains the customer code, the number, the date and the amount, or choose a saved column mapping</translation>
    </message>
    <message>
        <source>fichier vide : rien à importer</source>
        <translation>empty file: nothing to import</translation>
    </message>
    <message>
        <source>ce n&apos;est pas un fichier texte (un export FEC ou CSV est attendu)</source>
        <translation>this is not a text file (a FEC or CSV export is expected)</translation>
    </message>
    <message>
        <source>la première ligne n&apos;est pas l&apos;en-tête d&apos;un FEC (les 18 noms de champs)</source>
        <translation>the first line is not a FEC header (the 18 field names)</translation>
    </message>
    <message>
        <source>colonne obligatoire absente</source>
        <translation>required column missing</translation>
    </message>
    <message>
        <source>nombre de colonnes incorrect</source>
        <translation>wrong number of columns</translation>
    </message>
    <message>
        <source>date illisible</source>
        <translation>unreadable date</translation>
    </message>
    <message>
        <source>montant illisible</source>
        <translation>unreadable amount</translation>
    </message>
    <message>
        <source>sens inconnu : D (débit) ou C (crédit) attendu</source>
        <translation>unknown direction: D (debit) or C (credit) expected</translation>
    </message>
    <message>
        <source>valeur obligatoire manquante</source>
        <translation>required value missing</translation>
    </message>
    <message>
        <source>crédit inattendu là où un débit est attendu</source>
        <translation>unexpected credit where a debit is expected</translation>
    </message>
    <message>
        <source>même numéro de pièce avec deux montants différents</source>
        <translation>same document number with two different amounts</translation>
    </message>
    <message>
        <source>même numéro de pièce pour deux clients différents</source>
        <translation>same document number for two different customers</translation>
    </message>
    <message>
        <source>reste dû supérieur au montant de la pièce</source>
        <translation>balance due greater than the document amount</translation>
    </message>
    <message>
        <source>limite dépassée</source>
        <translation>limit exceeded</translation>
    </message>
    <message>
        <source>fichier illisible</source>
        <translation>unreadable file</translation>
    </message>
    <message>
        <source>ligne refusée</source>
        <translation>line rejected</translation>
    </message>
    <message>
        <source>un litige</source>
        <translation>a dispute</translation>
    </message>
    <message>
        <source>une relance</source>
        <translation>a reminder</translation>
    </message>
    <message>
        <source>l&apos;affectation d&apos;un règlement</source>
        <translation>a payment allocation</translation>
    </message>
    <message>
        <source>un plan d&apos;apurement</source>
        <translation>a repayment plan</translation>
    </message>
    <message>
        <source>un échéancier</source>
        <translation>a payment schedule</translation>
    </message>
    <message>
        <source>un avoir saisi depuis</source>
        <translation>a credit note entered since then</translation>
    </message>
    <message>
        <source>Aucun import à annuler.</source>
        <translation>No import to undo.</translation>
    </message>
    <message>
        <source>Cet import n&apos;existe pas.</source>
        <translation>This import does not exist.</translation>
    </message>
    <message>
        <source>Cet import est déjà annulé.</source>
        <translation>This import has already been undone.</translation>
    </message>
    <message>
        <source>Seul le dernier import peut être annulé : annulez d&apos;abord les imports plus récents.</source>
        <translation>Only the last import can be undone: undo the more recent imports first.</translation>
    </message>
    <message>
        <source>Impossible d&apos;annuler cet import : une pièce qu&apos;il a créée est utilisée par {what}. Rien n&apos;a été modifié.</source>
        <translation>This import cannot be undone: a document it created is used by {what}. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Impossible d&apos;annuler cet import : {count} pièce(s) ont été modifiées depuis dans Encaisse. Rien n&apos;a été modifié.</source>
        <translation>This import cannot be undone: {count} document(s) have since been modified in Encaisse. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Annulation impossible.</source>
        <translation>The import cannot be undone.</translation>
    </message>
    <message>
        <source>L&apos;avoir dépasse le montant contesté : confirmez pour l&apos;enregistrer quand même.</source>
        <translation>The credit note exceeds the disputed amount: confirm to record it anyway.</translation>
    </message>
    <message>
        <source>Ce litige est déjà clos : rien n&apos;a été modifié.</source>
        <translation>This dispute is already closed: nothing was changed.</translation>
    </message>
    <message>
        <source>Ce changement de statut n&apos;est pas possible : un litige se clôt par une résolution ou un rejet motivé.</source>
        <translation>This status change is not possible: a dispute is closed by a resolution or a reasoned rejection.</translation>
    </message>
    <message>
        <source>La facture contestée est déjà soldée : un avoir ne peut plus la corriger.</source>
        <translation>The disputed invoice is already settled: a credit note can no longer correct it.</translation>
    </message>
    <message>
        <source>La pièce jointe est introuvable.</source>
        <translation>The attachment cannot be found.</translation>
    </message>
    <message>
        <source>Enregistrez d&apos;abord le fichier : les pièces jointes sont rangées à côté.</source>
        <translation>Save the file first: attachments are stored next to it.</translation>
    </message>
    <message>
        <source>Action impossible sur ce litige.</source>
        <translation>This action is not possible on this dispute.</translation>
    </message>
    <message>
        <source>La dernière sauvegarde en bon état date du {when} ({customers} client(s), {open_items} pièce(s) ouverte(s)). Voulez-vous la restaurer ? Le fichier endommagé sera gardé de côté dans le dossier des sauvegardes, sans être écrasé.</source>
        <translation>The latest sound backup dates from {when} ({customers} customer(s), {open_items} open item(s)). Restore it? The damaged file will be kept aside in the backup folder, not overwritten.</translation>
    </message>
    <message>
        <source>La sauvegarde a été restaurée. Le fichier endommagé est gardé sous « {kept} ». Ce qui a été saisi depuis cette sauvegarde est à ressaisir.</source>
        <translation>The backup has been restored. The damaged file is kept as “{kept}”. What was entered since that backup must be entered again.</translation>
    </message>
    <message>
        <source>Aucune sauvegarde en bon état n&apos;a été trouvée dans « {folder} ». Si vous en avez une ailleurs (clé USB, dossier synchronisé), restaurez-la avec « encaisse restore ».</source>
        <translation>No sound backup was found in “{folder}”. If you have one elsewhere (USB key, synced folder), restore it with “encaisse restore”.</translation>
    </message>
    <message>
        <source>Fichier sur un partage réseau : SQLite n&apos;y est pas fiable à plusieurs. N&apos;ouvrez ce fichier que depuis un seul poste à la fois, ou gardez-le sur cet ordinateur.</source>
        <translation>File on a network share: SQLite is not reliable there for several users. Open this file from one computer at a time only, or keep it on this computer.</translation>
    </message>
    <message>
        <source>Personne ne s&apos;appelle « %s » dans l&apos;équipe de ce fichier (équipe : %s).</source>
        <translation>Nobody is called “%s” in this file&apos;s team (team: %s).</translation>
    </message>
    <message>
        <source>%s a un code PIN : ouvrez Encaisse sans --user et tapez-le dans « Qui êtes-vous ? ».</source>
        <translation>%s has a PIN: open Encaisse without --user and type it in “Who are you?”.</translation>
    </message>
</context>
<context>
    <name>MilestonesTable</name>
    <message>
        <source>Lignes du modèle</source>
        <translation>Template lines</translation>
    </message>
    <message>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Jours après la proposition</source>
        <translation>Days after the proposal</translation>
    </message>
    <message>
        <source>Acompte</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Délai (j)</source>
        <translation>Terms (d)</translation>
    </message>
    <message>
        <source>Compté</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>à réception</source>
        <translation>on receipt</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message numerus="yes">
        <source>%n relance(s)</source>
        <translation>
            <numerusform>%n reminder</numerusform>
            <numerusform>%n reminders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>Calendrier du mois</source>
        <translation>Monthly calendar</translation>
    </message>
    <message>
        <source>◀ Mois précédent</source>
        <translation>◀ Previous month</translation>
    </message>
    <message>
        <source>Ce mois-ci</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Mois suivant ▶</source>
        <translation>Next month ▶</translation>
    </message>
    <message>
        <source>Événements du jour choisi</source>
        <translation>Events on the selected day</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Le chiffre de chaque jour : relances à faire ou prévues par le plan si rien n&apos;est payé d&apos;ici là.</source>
        <translation>Each day&apos;s figure: reminders to do, or planned by the dunning plan if nothing is paid by then.</translation>
    </message>
    <message>
        <source>Calcul du calendrier…</source>
        <translation>Computing the calendar…</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n événement(s)</source>
        <translation>
            <numerusform>%1 — %n event</numerusform>
            <numerusform>%1 — %n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PagePreview</name>
    <message>
        <source>Aperçu de la page</source>
        <translation>Page preview</translation>
    </message>
    <message>
        <source>◀ Précédente</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Suivante ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Page %1 sur %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>PenaltyDetailDialog</name>
    <message>
        <source>Pénalités de retard de %1 au %2</source>
        <translation>Late-payment penalties for %1 as at %2</translation>
    </message>
    <message>
        <source>Pénalités par facture et par période</source>
        <translation>Penalties by invoice and by period</translation>
    </message>
    <message>
        <source>Facture / période</source>
        <translation>Invoice / period</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Reste dû</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>Jours</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Taux</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Pénalités</source>
        <translation>Penalties</translation>
    </message>
    <message>
        <source>Indemnité</source>
        <translation>Indemnity</translation>
    </message>
    <message>
        <source>taux inconnu</source>
        <translation>unknown rate</translation>
    </message>
    <message>
        <source> (minimum légal)</source>
        <translation> (statutory minimum)</translation>
    </message>
    <message>
        <source>du %1 au %2</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PersonalData</name>
    <message>
        <source>Effacement refusé : ce client doit encore {amount} ({count} pièce(s) ouverte(s)). La créance est en cours de recouvrement : c&apos;est un intérêt légitime qui justifie de garder ses données jusqu&apos;au règlement. Rien n&apos;a été modifié.</source>
        <translation>Erasure refused: this customer still owes {amount} ({count} open item(s)). The debt is being recovered: this is a legitimate interest that justifies keeping their data until payment. Nothing has been changed.</translation>
    </message>
    <message>
        <source>Ce client est une entreprise, pas une personne : sa fiche ne contient pas de données personnelles à exporter ou effacer. Utilisez plutôt les boutons de ses contacts.</source>
        <translation>This customer is a company, not a person: its record holds no personal data to export or erase. Use the buttons of its contacts instead.</translation>
    </message>
    <message>
        <source>Action impossible sur ces données personnelles.</source>
        <translation>This action is not possible on this personal data.</translation>
    </message>
    <message>
        <source>Les factures et avoirs du client ({count}) sont conservés : ce sont des pièces comptables de l&apos;entreprise cliente, pas des données du contact, gardées 10 ans (Code de commerce, art. L123-22).</source>
        <translation>The customer&apos;s invoices and credit notes ({count}) are kept: they are accounting documents of the customer company, not the contact&apos;s data, kept for 10 years (French Commercial Code, art. L123-22).</translation>
    </message>
    <message>
        <source>Les factures et avoirs ({count}) sont conservés : ce sont des pièces comptables, gardées 10 ans (Code de commerce, art. L123-22).</source>
        <translation>The invoices and credit notes ({count}) are kept: they are accounting documents, kept for 10 years (French Commercial Code, art. L123-22).</translation>
    </message>
    <message>
        <source>La fiche du client est conservée : l&apos;entreprise n&apos;est pas la personne.</source>
        <translation>The customer record is kept: the company is not the person.</translation>
    </message>
    <message>
        <source>{count} mention(s) dans des pièces comptables (libellé, référence de paiement) restent telles quelles : une pièce comptable ne se modifie pas.</source>
        <translation>{count} mention(s) in accounting documents (description, payment reference) stay as they are: an accounting document cannot be altered.</translation>
    </message>
    <message>
        <source>Le compte auxiliaire est conservé : il relie les factures gardées à la comptabilité.</source>
        <translation>The customer account is kept: it links the retained invoices to the accounts.</translation>
    </message>
    <message>
        <source>{count} fiche(s) de la liste des entreprises à risque restent liées à ce client : retirez-les si elles ne sont plus justifiées.</source>
        <translation>{count} record(s) in the list of doubtful companies remain linked to this customer: remove them if they are no longer justified.</translation>
    </message>
    <message>
        <source>{count} pièce(s) jointe(s) aux litiges de ce client ne sont pas lues par Encaisse : ouvrez-les et supprimez celles qui concernent la personne.</source>
        <translation>{count} attachment(s) to this customer&apos;s disputes are not read by Encaisse: open them and delete those that concern the person.</translation>
    </message>
    <message>
        <source>Les sauvegardes déjà faites ne sont pas réécrites : elles disparaissent par rotation, au plus tard après {days} jours.</source>
        <translation>Existing backups are not rewritten: they are rotated out after {days} days at the latest.</translation>
    </message>
    <message>
        <source>Une ligne du journal des modifications garde la trace de l&apos;effacement (date, motif, auteur), sans les valeurs effacées.</source>
        <translation>A change log entry records the erasure (date, reason, author), without the erased values.</translation>
    </message>
    <message>
        <source>Fiche du client</source>
        <translation>Customer record</translation>
    </message>
    <message>
        <source>Fiche d&apos;un contact</source>
        <translation>Contact record</translation>
    </message>
    <message>
        <source>Rapports de visite</source>
        <translation>Visit reports</translation>
    </message>
    <message>
        <source>Observations de visite</source>
        <translation>Visit observations</translation>
    </message>
    <message>
        <source>Relances et comptes rendus d&apos;appel</source>
        <translation>Reminders and call reports</translation>
    </message>
    <message>
        <source>Tâches</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Promesses de paiement</source>
        <translation>Promises to pay</translation>
    </message>
    <message>
        <source>Litiges</source>
        <translation>Disputes</translation>
    </message>
    <message>
        <source>Notes des litiges</source>
        <translation>Dispute notes</translation>
    </message>
    <message>
        <source>Noms des pièces jointes</source>
        <translation>Attachment names</translation>
    </message>
    <message>
        <source>Propositions commerciales</source>
        <translation>Sales proposals</translation>
    </message>
    <message>
        <source>Décisions de blocage</source>
        <translation>Block decisions</translation>
    </message>
    <message>
        <source>Notations externes</source>
        <translation>External ratings</translation>
    </message>
    <message>
        <source>Liste des entreprises à risque</source>
        <translation>List of doubtful companies</translation>
    </message>
    <message>
        <source>Journal des modifications</source>
        <translation>Change log</translation>
    </message>
</context>
<context>
    <name>PersonalDataActions</name>
    <message>
        <source>Exporter ses données…</source>
        <translation>Export their data…</translation>
    </message>
    <message>
        <source>Tout ce que le fichier contient sur ce contact, en JSON (RGPD, art. 15 et 20)</source>
        <translation>Everything the file holds about this contact, as JSON (GDPR, art. 15 and 20)</translation>
    </message>
    <message>
        <source>Effacer ses données…</source>
        <translation>Erase their data…</translation>
    </message>
    <message>
        <source>Effacer ce contact et ses données partout où elles sont écrites (RGPD, art. 17)</source>
        <translation>Erase this contact and their data wherever it is written (GDPR, art. 17)</translation>
    </message>
    <message>
        <source>Données du client…</source>
        <translation>Customer data…</translation>
    </message>
    <message>
        <source>Client particulier ou entrepreneur individuel : exporter ou effacer ses données</source>
        <translation>Private customer or sole trader: export or erase their data</translation>
    </message>
    <message>
        <source>Exporter les données du client…</source>
        <translation>Export the customer&apos;s data…</translation>
    </message>
    <message>
        <source>Effacer les données du client…</source>
        <translation>Erase the customer&apos;s data…</translation>
    </message>
    <message>
        <source>Exporter les données du contact</source>
        <translation>Export the contact&apos;s data</translation>
    </message>
    <message>
        <source>Données exportées</source>
        <translation>Data exported</translation>
    </message>
    <message>
        <source>Les données de %1 sont enregistrées dans « %2 » (%3 mention(s) dans les textes). Transmettez ce fichier à la personne par un moyen sûr.</source>
        <translation>The data of %1 has been saved to “%2” (%3 mention(s) in texts). Send this file to the person by a secure means.</translation>
    </message>
    <message>
        <source>Exporter les données du client</source>
        <translation>Export the customer&apos;s data</translation>
    </message>
    <message>
        <source>Les données de %1 sont enregistrées dans « %2 ». Transmettez ce fichier à la personne par un moyen sûr.</source>
        <translation>The data of %1 has been saved to “%2”. Send this file to the person by a secure means.</translation>
    </message>
    <message>
        <source>Données personnelles %1 %2.json</source>
        <translation>Personal data %1 %2.json</translation>
    </message>
    <message>
        <source>Fichier JSON (*.json)</source>
        <translation>JSON file (*.json)</translation>
    </message>
    <message>
        <source>Données effacées</source>
        <translation>Data erased</translation>
    </message>
    <message>
        <source>Les données de %1 sont effacées : %2 texte(s) réécrit(s), %3 ligne(s) du journal vidée(s). Une ligne du journal garde la trace de l&apos;effacement.</source>
        <translation>The data of %1 has been erased: %2 text(s) rewritten, %3 log row(s) emptied. A log entry records the erasure.</translation>
    </message>
    <message>
        <source>Données personnelles</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>Ce contact n&apos;existe plus : la page est mise à jour.</source>
        <translation>This contact no longer exists: the page has been refreshed.</translation>
    </message>
    <message>
        <source>Export non enregistré</source>
        <translation>Export not saved</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Code PIN de %s</source>
        <translation>PIN of %s</translation>
    </message>
    <message>
        <source>Le code PIN (4 à 8 chiffres) est demandé quand %s choisit son nom au démarrage : personne ne travaille sous le nom d&apos;un autre par mégarde.</source>
        <translation>The PIN (4 to 8 digits) is asked when %s picks their name at start: nobody works under someone else&apos;s name by mistake.</translation>
    </message>
    <message>
        <source>Nouveau code PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Confirmation du code PIN</source>
        <translation>PIN confirmation</translation>
    </message>
    <message>
        <source>Nouveau code PIN :</source>
        <translation>New PIN:</translation>
    </message>
    <message>
        <source>Confirmation :</source>
        <translation>Confirmation:</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Retirer le code PIN</source>
        <translation>Remove the PIN</translation>
    </message>
    <message>
        <source>Les deux codes ne sont pas identiques.</source>
        <translation>The two PINs are not the same.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Cet espace n&apos;est pas encore disponible dans cette version d&apos;Encaisse. Aucune donnée n&apos;y est affichée tant qu&apos;il n&apos;est pas terminé.</source>
        <translation>This section is not yet available in this version of Encaisse. No data will be shown here until it is finished.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Plan d&apos;apurement — %1</source>
        <translation>Repayment plan — %1</translation>
    </message>
    <message>
        <source>Factures échues</source>
        <translation>Overdue invoices</translation>
    </message>
    <message>
        <source>Facture</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Retard</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Reste dû</source>
        <translation>Balance due</translation>
    </message>
    <message>
        <source>Pénalités et indemnité</source>
        <translation>Penalties and indemnity</translation>
    </message>
    <message>
        <source>Nombre d&apos;échéances</source>
        <translation>Number of instalments</translation>
    </message>
    <message>
        <source>Mensuelle</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>Bimestrielle</source>
        <translation>Every two months</translation>
    </message>
    <message>
        <source>Trimestrielle</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>Semestrielle</source>
        <translation>Half-yearly</translation>
    </message>
    <message>
        <source>Inclure les pénalités de retard et l&apos;indemnité de 40 € par facture</source>
        <translation>Include late-payment penalties and the €40 recovery indemnity per invoice</translation>
    </message>
    <message>
        <source>Périodicité</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>Première échéance</source>
        <translation>First instalment</translation>
    </message>
    <message>
        <source>Échéancier</source>
        <translation>Payment schedule</translation>
    </message>
    <message>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Montant</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Reste dû après</source>
        <translation>Balance due after</translation>
    </message>
    <message>
        <source>Enregistrer le brouillon</source>
        <translation>Save the draft</translation>
    </message>
    <message>
        <source>Activer (signé le)</source>
        <translation>Activate (signed on)</translation>
    </message>
    <message>
        <source>Le plan est signé : les relances de ces factures s&apos;arrêtent tant qu&apos;il est respecté</source>
        <translation>The plan is signed: reminders for these invoices stop as long as it is honoured</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Enregistrer le plan à faire signer</source>
        <translation>Save the plan for signature</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Une seule échéance impayée plus de 5 jours après sa date rompt le plan : tout le solde redevient exigible et les relances reprennent.</source>
        <translation>A single instalment unpaid more than 5 days after its date breaks the plan: the whole balance becomes due again and reminders resume.</translation>
    </message>
    <message>
        <source>Factures échues à reprendre dans le plan :</source>
        <translation>Overdue invoices to include in the plan:</translation>
    </message>
    <message>
        <source>%1 j</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>Déjà dans un plan d&apos;apurement en cours</source>
        <translation>Already in an active repayment plan</translation>
    </message>
    <message>
        <source>Total reconnu : %1</source>
        <translation>Total acknowledged: %1</translation>
    </message>
    <message>
        <source> (dont pénalités et indemnités : %1)</source>
        <translation> (including penalties and indemnities: %1)</translation>
    </message>
    <message>
        <source>Plan d&apos;apurement %1 n° %2.pdf</source>
        <translation>Repayment plan %1 no. %2.pdf</translation>
    </message>
    <message>
        <source>Enregistrer le plan d&apos;apurement</source>
        <translation>Save the repayment plan</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Plan non enregistré</source>
        <translation>Plan not saved</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
</context>
<context>
    <name>PlanEditorDialog</name>
    <message>
        <source>Plans de relance</source>
        <translation>Dunning plans</translation>
    </message>
    <message>
        <source>Nouveau plan</source>
        <translation>New plan</translation>
    </message>
    <message>
        <source>Dupliquer</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Supprimer…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Plan par défaut</source>
        <translation>Default plan</translation>
    </message>
    <message>
        <source>Le plan des clients dont le segment n&apos;a pas de plan</source>
        <translation>The plan for customers whose segment has no plan</translation>
    </message>
    <message>
        <source> jour(s)</source>
        <translation> day(s)</translation>
    </message>
    <message>
        <source>Plan pour les particuliers (jamais l&apos;indemnité de 40 €)</source>
        <translation>Plan for private individuals (never the €40 indemnity)</translation>
    </message>
    <message>
        <source>Nom *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Écart minimum entre deux relances</source>
        <translation>Minimum gap between two reminders</translation>
    </message>
    <message>
        <source>Niveaux du plan</source>
        <translation>Plan levels</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Jours / échéance</source>
        <translation>Days / due date</translation>
    </message>
    <message>
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Ton</source>
        <translation>Tone</translation>
    </message>
    <message>
        <source>Modèle</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Pénalités</source>
        <translation>Penalties</translation>
    </message>
    <message>
        <source>40 €</source>
        <translation>€40</translation>
    </message>
    <message>
        <source>Délai (j)</source>
        <translation>Deadline (d)</translation>
    </message>
    <message>
        <source>Ajouter un niveau</source>
        <translation>Add a level</translation>
    </message>
    <message>
        <source>Retirer le niveau</source>
        <translation>Remove the level</translation>
    </message>
    <message>
        <source>Jours comptés depuis l&apos;échéance : négatif = rappel de courtoisie avant l&apos;échéance. Les niveaux sont classés par jours à l&apos;enregistrement.</source>
        <translation>Days counted from the due date: negative = courtesy reminder before the due date. Levels are sorted by days when saved.</translation>
    </message>
    <message>
        <source>Enregistrer le plan</source>
        <translation>Save the plan</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Plan de chaque segment</source>
        <translation>Plan for each segment</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Plan de relance</source>
        <translation>Dunning plan</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source> (par défaut)</source>
        <translation> (default)</translation>
    </message>
    <message>
        <source>Copie de %1</source>
        <translation>Copy of %1</translation>
    </message>
    <message>
        <source>Supprimer le plan</source>
        <translation>Delete the plan</translation>
    </message>
    <message>
        <source>Supprimer le plan « %1 » ? Ses segments suivront le plan par défaut ; l&apos;historique des relances est conservé.</source>
        <translation>Delete the plan “%1”? Its segments will follow the default plan; the reminder history is kept.</translation>
    </message>
    <message>
        <source> j</source>
        <translation> d</translation>
    </message>
    <message>
        <source>(selon le ton)</source>
        <translation>(based on tone)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Nouveau niveau</source>
        <translation>New level</translation>
    </message>
    <message>
        <source>Niveau « %1 » : %2</source>
        <translation>Level “%1”: %2</translation>
    </message>
    <message>
        <source>(plan par défaut)</source>
        <translation>(default plan)</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Qui êtes-vous ?</source>
        <translation>Who are you?</translation>
    </message>
    <message>
        <source>Vos modifications seront signées de votre nom, et Encaisse ouvre d&apos;abord votre travail du jour.</source>
        <translation>Your changes will be signed with your name, and Encaisse opens on your work of the day.</translation>
    </message>
    <message>
        <source>Membres de l&apos;équipe</source>
        <translation>Team members</translation>
    </message>
    <message>
        <source>code PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Code PIN :</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Code PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Commencer</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Code PIN incorrect.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>Code PIN incorrect. Nouvel essai possible dans %s secondes.</source>
        <translation>Wrong PIN. You can try again in %s seconds.</translation>
    </message>
</context>
<context>
    <name>PromiseDialog</name>
    <message>
        <source>Promesse de paiement</source>
        <translation>Promise to pay</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Les relances de ce client sont suspendues jusqu&apos;à la date promise plus le délai de grâce ; la promesse est ensuite vérifiée.</source>
        <translation>This customer&apos;s reminders are suspended until the promised date plus the grace period; the promise is then checked.</translation>
    </message>
</context>
<context>
    <name>ProposalEditor</name>
    <message>
        <source>Proposition commerciale</source>
        <translation>Sales proposal</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Date :</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Valable jusqu&apos;au :</source>
        <translation>Valid until:</translation>
    </message>
    <message>
        <source>Ajouter une ligne</source>
        <translation>Add a line</translation>
    </message>
    <message>
        <source>Supprimer la ligne</source>
        <translation>Delete the line</translation>
    </message>
    <message>
        <source>Modèle d&apos;échéancier</source>
        <translation>Schedule template</translation>
    </message>
    <message>
        <source>Personnalisé</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Ajouter une échéance</source>
        <translation>Add an instalment</translation>
    </message>
    <message>
        <source>Supprimer l&apos;échéance</source>
        <translation>Delete the instalment</translation>
    </message>
    <message>
        <source>Jalon atteint…</source>
        <translation>Milestone reached…</translation>
    </message>
    <message>
        <source>L&apos;événement a eu lieu : son échéance devient une créance attendue</source>
        <translation>The event has taken place: its instalment becomes an expected receivable</translation>
    </message>
    <message>
        <source>Modèle :</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Remarques imprimées sur la proposition</source>
        <translation>Remarks printed on the proposal</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Marquer envoyée</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <source>Acceptée</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Refusée</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Remettre en brouillon</source>
        <translation>Back to draft</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Client *</source>
        <translation>Customer *</translation>
    </message>
    <message>
        <source>— choisir un client ou un prospect —</source>
        <translation>— choose a customer or prospect —</translation>
    </message>
    <message>
        <source>Client introuvable</source>
        <translation>Customer not found</translation>
    </message>
    <message>
        <source>plafond %1, encours %2</source>
        <translation>limit %1, outstanding %2</translation>
    </message>
    <message>
        <source>encours %1</source>
        <translation>outstanding %1</translation>
    </message>
    <message numerus="yes">
        <source>signalée %n fois dans la liste des entreprises douteuses</source>
        <translation>
            <numerusform>flagged once in the list of doubtful companies</numerusform>
            <numerusform>flagged %n times in the list of doubtful companies</numerusform>
        </translation>
    </message>
    <message>
        <source>absente de la liste des entreprises douteuses</source>
        <translation>not in the list of doubtful companies</translation>
    </message>
    <message>
        <source>Total HT : %1</source>
        <translation>Total excl. VAT: %1</translation>
    </message>
    <message>
        <source>TVA : %1</source>
        <translation>VAT: %1</translation>
    </message>
    <message>
        <source>Total TTC : %1</source>
        <translation>Total incl. VAT: %1</translation>
    </message>
    <message>
        <source>quantité</source>
        <translation>quantity</translation>
    </message>
    <message>
        <source>prix unitaire</source>
        <translation>unit price</translation>
    </message>
    <message>
        <source>TVA</source>
        <translation>VAT</translation>
    </message>
    <message>
        <source>désignation</source>
        <translation>description</translation>
    </message>
    <message>
        <source>événement</source>
        <translation>event</translation>
    </message>
    <message>
        <source>pourcentage</source>
        <translation>percentage</translation>
    </message>
    <message>
        <source>date prévue</source>
        <translation>planned date</translation>
    </message>
    <message>
        <source>délai</source>
        <translation>payment terms</translation>
    </message>
    <message>
        <source>Ligne %1 — %2</source>
        <translation>Line %1 — %2</translation>
    </message>
    <message>
        <source>Échéance %1 — %2</source>
        <translation>Instalment %1 — %2</translation>
    </message>
    <message>
        <source>Lignes</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Échéancier</source>
        <translation>Payment schedule</translation>
    </message>
    <message>
        <source>Validité</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>Remarques</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>Date de l&apos;événement</source>
        <translation>Event date</translation>
    </message>
    <message>
        <source>Avant d&apos;imprimer</source>
        <translation>Before printing</translation>
    </message>
    <message>
        <source>À vérifier :</source>
        <translation>To check:</translation>
    </message>
    <message>
        <source>Imprimer quand même ?</source>
        <translation>Print anyway?</translation>
    </message>
    <message>
        <source>Enregistrer la proposition</source>
        <translation>Save the proposal</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>PDF non enregistré</source>
        <translation>PDF not saved</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %s</source>
        <translation>The file could not be written: %s</translation>
    </message>
    <message>
        <source>Nouvelle proposition</source>
        <translation>New proposal</translation>
    </message>
</context>
<context>
    <name>ProposalTableModel</name>
    <message>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Statut</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Valable jusqu&apos;au</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Total TTC</source>
        <translation>Total incl. VAT</translation>
    </message>
    <message>
        <source>Échéancier</source>
        <translation>Payment schedule</translation>
    </message>
    <message>
        <source>Jalons atteints</source>
        <translation>Milestones reached</translation>
    </message>
    <message>
        <source>Personnalisé</source>
        <translation>Custom</translation>
    </message>
</context>
<context>
    <name>Proposals</name>
    <message>
        <source>Brouillon</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Envoyée</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Acceptée</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>Refusée</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Expirée</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Jalons</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <source>Mensualités</source>
        <translation>Monthly instalments</translation>
    </message>
    <message>
        <source>Paiement à terme</source>
        <translation>Payment on terms</translation>
    </message>
    <message>
        <source>impayés passés</source>
        <translation>past unpaid invoices</translation>
    </message>
    <message>
        <source>notation</source>
        <translation>rating</translation>
    </message>
    <message>
        <source>procédure publiée</source>
        <translation>published proceedings</translation>
    </message>
    <message>
        <source>remontée terrain</source>
        <translation>field report</translation>
    </message>
    <message>
        <source>autre source</source>
        <translation>other source</translation>
    </message>
    <message>
        <source>« %1 » : délai de %2 jours, au-delà du maximum légal de %3 jours (%4).</source>
        <translation>“%1”: payment terms of %2 days, beyond the legal maximum of %3 days (%4).</translation>
    </message>
    <message>
        <source>Plafond de crédit dépassé de %1 : encours %2 + cette proposition %3, pour un plafond de %4.</source>
        <translation>Credit limit exceeded by %1: outstanding %2 + this proposal %3, against a limit of %4.</translation>
    </message>
    <message>
        <source>Client sous surveillance.</source>
        <translation>Customer under watch.</translation>
    </message>
    <message>
        <source>Client bloqué : un acompte ou un paiement à la commande est exigé.</source>
        <translation>Customer blocked: a deposit or payment with the order is required.</translation>
    </message>
    <message>
        <source>Procédure collective en cours : un acompte ou un paiement à la commande est exigé.</source>
        <translation>Insolvency proceedings under way: a deposit or payment with the order is required.</translation>
    </message>
    <message>
        <source>Entreprise signalée douteuse le %1 (%2) : %3</source>
        <translation>Company flagged as doubtful on %1 (%2): %3</translation>
    </message>
    <message>
        <source>À vérifier avant d&apos;imprimer.</source>
        <translation>To check before printing.</translation>
    </message>
    <message>
        <source>Cette proposition n&apos;est plus un brouillon : remettez-la en brouillon pour la modifier.</source>
        <translation>This proposal is no longer a draft: set it back to draft to edit it.</translation>
    </message>
    <message>
        <source>Ce changement de statut n&apos;est pas possible.</source>
        <translation>This status change is not possible.</translation>
    </message>
    <message>
        <source>La date de validité est dépassée : remettez la proposition en brouillon et donnez-lui une nouvelle date de validité.</source>
        <translation>The validity date has passed: set the proposal back to draft and give it a new validity date.</translation>
    </message>
    <message>
        <source>Un jalon ne peut être atteint que sur une proposition acceptée.</source>
        <translation>A milestone can only be reached on an accepted proposal.</translation>
    </message>
    <message>
        <source>Ce jalon est déjà atteint : son échéance est déjà attendue.</source>
        <translation>This milestone has already been reached: its instalment is already expected.</translation>
    </message>
    <message>
        <source>C&apos;est le modèle par défaut : choisissez d&apos;abord un autre modèle par défaut.</source>
        <translation>This is the default template: choose another default template first.</translation>
    </message>
    <message>
        <source>Action impossible.</source>
        <translation>This action is not possible.</translation>
    </message>
</context>
<context>
    <name>ProposalsPage</name>
    <message>
        <source>Propositions</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <source>Propositions commerciales avec leur échéancier de paiement, vérifié contre les délais légaux et le plafond de crédit.</source>
        <translation>Sales proposals with their payment schedule, checked against the legal payment terms and the credit limit.</translation>
    </message>
    <message>
        <source>Filtrer par statut</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <source>Tous les statuts</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Client…</source>
        <translation>Customer…</translation>
    </message>
    <message>
        <source>Filtrer par client</source>
        <translation>Filter by customer</translation>
    </message>
    <message>
        <source>Nouvelle proposition…</source>
        <translation>New proposal…</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Voir le client</source>
        <translation>View the customer</translation>
    </message>
    <message>
        <source>Aucune proposition pour ces critères. « Nouvelle proposition… » en prépare une à partir d&apos;un modèle d&apos;échéancier (Paramètres › Modèles d&apos;échéancier).</source>
        <translation>No proposals match these criteria. “New proposal…” prepares one from a schedule template (Settings › Schedule templates).</translation>
    </message>
    <message numerus="yes">
        <source>%n proposition(s)</source>
        <translation>
            <numerusform>%n proposal</numerusform>
            <numerusform>%n proposals</numerusform>
        </translation>
    </message>
    <message>
        <source>total TTC : %1</source>
        <translation>total incl. VAT: %1</translation>
    </message>
</context>
<context>
    <name>RateDialog</name>
    <message>
        <source>Ajouter un taux</source>
        <translation>Add a rate</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>À partir du</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Taux (%)</source>
        <translation>Rate (%)</translation>
    </message>
    <message>
        <source>Arrêté du …, communiqué de la BCE du …</source>
        <translation>Order of …, ECB press release of …</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <source>Notation externe</source>
        <translation>External rating</translation>
    </message>
    <message>
        <source>ex. : 4+ (Banque de France), 6 (Coface), 72 (Creditsafe)</source>
        <translation>e.g. 4+ (Banque de France), 6 (Coface), 72 (Creditsafe)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Note *</source>
        <translation>Rating *</translation>
    </message>
    <message>
        <source>Date de la note</source>
        <translation>Rating date</translation>
    </message>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>ReachedDialog</name>
    <message>
        <source>Jalon atteint</source>
        <translation>Milestone reached</translation>
    </message>
    <message>
        <source>« %1 » : à quelle date l&apos;événement a-t-il eu lieu ? Son échéance devient une créance attendue, visible dans l&apos;encours et le calendrier.</source>
        <translation>“%1”: on what date did the event take place? Its instalment becomes an expected receivable, shown in the receivables and the calendar.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Motif de la décision</source>
        <translation>Reason for the decision</translation>
    </message>
    <message>
        <source>Le motif est obligatoire et reste dans l&apos;historique.</source>
        <translation>The reason is required and stays in the history.</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReceivablesPage</name>
    <message>
        <source>Encours et balance âgée</source>
        <translation>Receivables and aged balance</translation>
    </message>
    <message>
        <source>Date de la balance</source>
        <translation>Aged balance date</translation>
    </message>
    <message>
        <source>Regrouper par</source>
        <translation>Group by</translation>
    </message>
    <message>
        <source>par client</source>
        <translation>by customer</translation>
    </message>
    <message>
        <source>par commercial</source>
        <translation>by salesperson</translation>
    </message>
    <message>
        <source>par segment</source>
        <translation>by segment</translation>
    </message>
    <message>
        <source>Tranches d&apos;ancienneté</source>
        <translation>Aging tranches</translation>
    </message>
    <message>
        <source>Limites des tranches en jours de retard, séparées par des virgules (par défaut : 30, 60, 90, 120)</source>
        <translation>Upper limits of the tranches in days late, separated by commas (default: 30, 60, 90, 120)</translation>
    </message>
    <message>
        <source>Exporter en Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Exporter en PDF…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <source>Balance âgée au</source>
        <translation>Aged balance as at</translation>
    </message>
    <message>
        <source>Tranches (jours) :</source>
        <translation>Tranches (days):</translation>
    </message>
    <message>
        <source>Évolution du DSO sur 12 mois</source>
        <translation>DSO over 12 months</translation>
    </message>
    <message>
        <source>DSO comptable</source>
        <translation>DSO (accounting)</translation>
    </message>
    <message>
        <source>DSO par épuisement</source>
        <translation>DSO (count-back)</translation>
    </message>
    <message>
        <source>Balance âgée</source>
        <translation>Aged balance</translation>
    </message>
    <message>
        <source>Aucune pièce ouverte à cette date. Importez vos factures depuis la page Imports.</source>
        <translation>No open documents at this date. Import your invoices from the Imports page.</translation>
    </message>
    <message>
        <source>Nombres croissants attendus, ex. : 30, 60, 90</source>
        <translation>Increasing numbers expected, e.g. 30, 60, 90</translation>
    </message>
    <message>
        <source>Calcul de la balance âgée…</source>
        <translation>Calculating the aged balance…</translation>
    </message>
    <message>
        <source>Encours total : &lt;b&gt;%s&lt;/b&gt; · DSO au %s : &lt;b&gt;%s j&lt;/b&gt; (méthode comptable, 3 mois) · &lt;b&gt;%s j&lt;/b&gt; (méthode par épuisement)</source>
        <translation>Total outstanding: &lt;b&gt;%s&lt;/b&gt; · DSO as at %s: &lt;b&gt;%s d&lt;/b&gt; (accounting method, 3 months) · &lt;b&gt;%s d&lt;/b&gt; (count-back method)</translation>
    </message>
    <message>
        <source>Classeur Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Exporter la balance âgée</source>
        <translation>Export the aged balance</translation>
    </message>
    <message>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %s</source>
        <translation>The file could not be written: %s</translation>
    </message>
    <message>
        <source>Export terminé</source>
        <translation>Export complete</translation>
    </message>
    <message>
        <source>Balance âgée enregistrée dans %s</source>
        <translation>Aged balance saved to %s</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Courrier</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Appel</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>Mise en demeure</source>
        <translation>Formal notice</translation>
    </message>
    <message>
        <source>Courriers à imprimer</source>
        <translation>Letters to print</translation>
    </message>
    <message>
        <source>Appels à passer</source>
        <translation>Calls to make</translation>
    </message>
    <message>
        <source>E-mails à envoyer</source>
        <translation>Emails to send</translation>
    </message>
    <message>
        <source>À transmettre aux commerciaux</source>
        <translation>To hand over to salespeople</translation>
    </message>
    <message>
        <source>Mises en demeure</source>
        <translation>Formal notices</translation>
    </message>
    <message>
        <source>Courtois</source>
        <translation>Courteous</translation>
    </message>
    <message>
        <source>Aimable</source>
        <translation>Friendly</translation>
    </message>
    <message>
        <source>Ferme</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>Formel</source>
        <translation>Formal</translation>
    </message>
    <message>
        <source>Joint, sans engagement</source>
        <translation>Reached, no commitment</translation>
    </message>
    <message>
        <source>Promesse de paiement</source>
        <translation>Promise to pay</translation>
    </message>
    <message>
        <source>Conteste la facture</source>
        <translation>Disputes the invoice</translation>
    </message>
    <message>
        <source>Pas de réponse</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Message laissé</source>
        <translation>Message left</translation>
    </message>
    <message>
        <source>Mauvais numéro</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <source>Refuse de payer</source>
        <translation>Refuses to pay</translation>
    </message>
    <message>
        <source>À faire</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Fait</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>À venir</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>Promesse</source>
        <translation>Promise</translation>
    </message>
    <message>
        <source>Tâche</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Échéance légale</source>
        <translation>Legal deadline</translation>
    </message>
    <message>
        <source>En attente</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Tenue</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Non tenue</source>
        <translation>Broken</translation>
    </message>
    <message>
        <source>Faite</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Annulée</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>RemindersPage</name>
    <message>
        <source>Relances</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>Filtrer par responsable</source>
        <translation>Filter by assignee</translation>
    </message>
    <message>
        <source>Tous les responsables</source>
        <translation>All assignees</translation>
    </message>
    <message>
        <source>Non attribuées</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>Filtrer par segment</source>
        <translation>Filter by segment</translation>
    </message>
    <message>
        <source>Tous les segments</source>
        <translation>All segments</translation>
    </message>
    <message>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Recalculer les relances dues aujourd&apos;hui (F5)</source>
        <translation>Recompute the reminders due today (F5)</translation>
    </message>
    <message>
        <source>Exporter le calendrier…</source>
        <translation>Export the calendar…</translation>
    </message>
    <message>
        <source>Fichier .ics pour Outlook ou Google Agenda (30 prochains jours)</source>
        <translation>.ics file for Outlook or Google Calendar (next 30 days)</translation>
    </message>
    <message>
        <source>Courriers du jour…</source>
        <translation>Today&apos;s letters…</translation>
    </message>
    <message>
        <source>Tous les courriers et mises en demeure du jour dans un seul PDF (Ctrl+L)</source>
        <translation>All of today&apos;s letters and formal notices in a single PDF (Ctrl+L)</translation>
    </message>
    <message>
        <source>E-mails du jour…</source>
        <translation>Today&apos;s emails…</translation>
    </message>
    <message>
        <source>Un fichier .eml par client, courrier PDF joint, pour votre messagerie</source>
        <translation>One .eml file per customer, with the PDF letter attached, for your email program</translation>
    </message>
    <message>
        <source>Responsable</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Semaine</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Mois</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Tâches</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Blocages à décider</source>
        <translation>Blocks to decide</translation>
    </message>
    <message>
        <source>Fait</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Marquer l&apos;action comme faite (Ctrl+Entrée)</source>
        <translation>Mark the action as done (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Compte rendu d&apos;appel…</source>
        <translation>Call report…</translation>
    </message>
    <message>
        <source>Transmettre au commercial…</source>
        <translation>Hand over to the salesperson…</translation>
    </message>
    <message>
        <source>Attribuer…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>Reporter…</source>
        <translation>Postpone…</translation>
    </message>
    <message>
        <source>Ignorer…</source>
        <translation>Skip…</translation>
    </message>
    <message>
        <source>Litige…</source>
        <translation>Dispute…</translation>
    </message>
    <message>
        <source>Le client conteste : ouvrir un litige sur les factures de cette relance</source>
        <translation>The customer disputes: open a dispute on the invoices of this reminder</translation>
    </message>
    <message>
        <source>Relances du jour par canal</source>
        <translation>Today&apos;s reminders by channel</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Niveau</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Prévue le</source>
        <translation>Planned on</translation>
    </message>
    <message>
        <source>Pièces</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Montant relancé</source>
        <translation>Amount chased</translation>
    </message>
    <message>
        <source>Dossier où préparer les e-mails du jour</source>
        <translation>Folder in which to prepare today&apos;s emails</translation>
    </message>
    <message>
        <source>Préparation des e-mails…</source>
        <translation>Preparing the emails…</translation>
    </message>
    <message>
        <source>E-mails du jour</source>
        <translation>Today&apos;s emails</translation>
    </message>
    <message>
        <source>Impossible d&apos;écrire dans « %1 » : %2</source>
        <translation>Cannot write to “%1”: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail(s) prêt(s) dans « %1 ».</source>
        <translation>
            <numerusform>%n email ready in “%1”.</numerusform>
            <numerusform>%n emails ready in “%1”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sans adresse e-mail :</source>
        <translation>No email address:</translation>
    </message>
    <message>
        <source>Une fois envoyés, marquer ces relances comme faites ?</source>
        <translation>Once they are sent, mark these reminders as done?</translation>
    </message>
    <message>
        <source>Exporter le calendrier</source>
        <translation>Export the calendar</translation>
    </message>
    <message>
        <source>Calendrier iCalendar (*.ics)</source>
        <translation>iCalendar calendar (*.ics)</translation>
    </message>
    <message>
        <source>Impossible d&apos;écrire « %1 » : %2</source>
        <translation>Cannot write “%1”: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n événement(s) exporté(s) dans « %1 ».</source>
        <translation>
            <numerusform>%n event exported to “%1”.</numerusform>
            <numerusform>%n events exported to “%1”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Calcul des relances du jour…</source>
        <translation>Computing today&apos;s reminders…</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) au %s</source>
        <translation>
            <numerusform>%n action on %s</numerusform>
            <numerusform>%n actions on %s</numerusform>
        </translation>
    </message>
    <message>
        <source>Rien à faire aujourd&apos;hui.</source>
        <translation>Nothing to do today.</translation>
    </message>
    <message>
        <source>(personne)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <source>Attribuer la relance</source>
        <translation>Assign the reminder</translation>
    </message>
    <message>
        <source>Qui s&apos;en charge ?</source>
        <translation>Who will handle it?</translation>
    </message>
    <message>
        <source>Reporter la relance</source>
        <translation>Postpone the reminder</translation>
    </message>
    <message>
        <source>Reporter de combien de jours ?</source>
        <translation>Postpone by how many days?</translation>
    </message>
    <message>
        <source>Ignorer la relance</source>
        <translation>Skip the reminder</translation>
    </message>
    <message>
        <source>Pourquoi ne pas relancer ce client ?</source>
        <translation>Why not remind this customer?</translation>
    </message>
    <message>
        <source>Relance</source>
        <translation>Reminder</translation>
    </message>
</context>
<context>
    <name>Repayment</name>
    <message>
        <source>Le montant ne peut pas être réparti en autant d&apos;échéances : {max} au plus.</source>
        <translation>The amount cannot be split into that many instalments: {max} at most.</translation>
    </message>
    <message>
        <source>Montant supérieur au solde du plan : {max} au plus.</source>
        <translation>Amount exceeds the plan balance: {max} at most.</translation>
    </message>
    <message>
        <source>Facture {number} : {max} restent dus au plus.</source>
        <translation>Invoice {number}: at most {max} remains due.</translation>
    </message>
    <message>
        <source>La facture {number} n&apos;est pas encore échue.</source>
        <translation>Invoice {number} is not yet due.</translation>
    </message>
    <message>
        <source>La facture {number} est déjà dans un plan d&apos;apurement en cours.</source>
        <translation>Invoice {number} is already in an active repayment plan.</translation>
    </message>
    <message>
        <source>Ce plan est déjà signé : il ne peut plus être modifié ni supprimé.</source>
        <translation>This plan is already signed: it can no longer be changed or deleted.</translation>
    </message>
    <message>
        <source>Ce plan n&apos;est pas en cours : aucun paiement ne peut y être noté.</source>
        <translation>This plan is not active: no payment can be recorded against it.</translation>
    </message>
    <message>
        <source>Choisissez au moins une facture échue.</source>
        <translation>Choose at least one overdue invoice.</translation>
    </message>
    <message>
        <source>La première échéance ne peut pas être dans le passé.</source>
        <translation>The first instalment cannot be in the past.</translation>
    </message>
    <message>
        <source>Brouillon</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>En cours</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Soldé</source>
        <translation>Paid off</translation>
    </message>
    <message>
        <source>Rompu</source>
        <translation>Broken</translation>
    </message>
</context>
<context>
    <name>ScheduleTable</name>
    <message>
        <source>Échéancier</source>
        <translation>Payment schedule</translation>
    </message>
    <message>
        <source>Événement</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Date prévue</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <source>Délai (j)</source>
        <translation>Terms (d)</translation>
    </message>
    <message>
        <source>Compté</source>
        <translation>Basis</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Acompte</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Montant TTC</source>
        <translation>Amount incl. VAT</translation>
    </message>
    <message>
        <source>Atteint le</source>
        <translation>Reached on</translation>
    </message>
    <message>
        <source>À la commande, à la livraison…</source>
        <translation>With the order, on delivery…</translation>
    </message>
    <message>
        <source>à réception</source>
        <translation>on receipt</translation>
    </message>
    <message>
        <source>Acompte versé à la commande</source>
        <translation>Deposit paid with the order</translation>
    </message>
    <message>
        <source>Échéance le %1</source>
        <translation>Due on %1</translation>
    </message>
</context>
<context>
    <name>ScoreBox</name>
    <message>
        <source>sain</source>
        <translation>sound</translation>
    </message>
    <message>
        <source>à surveiller</source>
        <translation>to watch</translation>
    </message>
    <message>
        <source>à risque</source>
        <translation>at risk</translation>
    </message>
    <message>
        <source>Retard moyen de paiement sur 12 mois : %1 j (%2 facture(s) réglée(s), %3)</source>
        <translation>Average payment delay over 12 months: %1 d (%2 invoice(s) paid, %3)</translation>
    </message>
    <message>
        <source>Part échue de l&apos;encours : %1 % (%2 sur %3)</source>
        <translation>Overdue share of the outstanding: %1 % (%2 of %3)</translation>
    </message>
    <message>
        <source>Litiges en cours : %1 (%2 contestés)</source>
        <translation>Open disputes: %1 (%2 disputed)</translation>
    </message>
    <message>
        <source>Note %1 %2 du %3 (poids %4 % selon son âge)</source>
        <translation>Rating %1 %2 of %3 (weight %4 % by its age)</translation>
    </message>
    <message>
        <source>Rapports de visite : %1 observation(s) inquiétante(s), %2 rassurante(s), dernière visite le %3</source>
        <translation>Visit reports: %1 worrying observation(s), %2 reassuring, last visit on %3</translation>
    </message>
    <message>
        <source>Procédure collective : score ramené à 0</source>
        <translation>Insolvency proceedings: score brought down to 0</translation>
    </message>
</context>
<context>
    <name>ScoreHistoryWidget</name>
    <message>
        <source>Historique du score</source>
        <translation>Score history</translation>
    </message>
    <message>
        <source>Historique : pas encore de point enregistré (le score est enregistré au calcul des relances du jour).</source>
        <translation>History: no point recorded yet (the score is recorded when today&apos;s reminders are computed).</translation>
    </message>
    <message>
        <source>Historique : %1 le %2, inchangé depuis.</source>
        <translation>History: %1 on %2, unchanged since.</translation>
    </message>
    <message>
        <source>— règles v%1</source>
        <translation>— rules v%1</translation>
    </message>
    <message>
        <source>Historique (derniers changements) :</source>
        <translation>History (latest changes):</translation>
    </message>
    <message>
        <source>premier calcul</source>
        <translation>first computation</translation>
    </message>
    <message>
        <source>%1 : %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ScoreSparkline</name>
    <message>
        <source>Évolution du score</source>
        <translation>Score trend</translation>
    </message>
</context>
<context>
    <name>ScorecardDialog</name>
    <message>
        <source>Fiches commerciaux</source>
        <translation>Salesperson scorecards</translation>
    </message>
    <message>
        <source>Début de période</source>
        <translation>Start of period</translation>
    </message>
    <message>
        <source>Fin de période</source>
        <translation>End of period</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>Tous</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Du</source>
        <translation>From</translation>
    </message>
    <message>
        <source>au</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Commercial :</source>
        <translation>Salesperson:</translation>
    </message>
    <message>
        <source>Survolez un titre de colonne pour lire la définition du chiffre ; le PDF les imprime avec chaque fiche.</source>
        <translation>Hover over a column title to read the figure&apos;s definition; the PDF prints them with each scorecard.</translation>
    </message>
    <message>
        <source>Enregistrer le PDF…</source>
        <translation>Save the PDF…</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>La date de début doit précéder la date de fin.</source>
        <translation>The start date must be before the end date.</translation>
    </message>
    <message>
        <source>Calcul des fiches commerciaux…</source>
        <translation>Computing salesperson scorecards…</translation>
    </message>
    <message>
        <source>Encours et retards arrêtés au %1, montants TTC.</source>
        <translation>Receivables and arrears as at %1, amounts incl. VAT.</translation>
    </message>
    <message>
        <source>Aucun commercial enregistré (Paramètres › Équipe).</source>
        <translation>No salesperson registered (Settings › Team).</translation>
    </message>
    <message>
        <source>Enregistrer les fiches commerciaux</source>
        <translation>Save the salesperson scorecards</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Préparation des fiches commerciaux…</source>
        <translation>Preparing salesperson scorecards…</translation>
    </message>
    <message>
        <source>Fiches non enregistrées</source>
        <translation>Scorecards not saved</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n fiche(s) enregistrée(s) dans %1</source>
        <translation>
            <numerusform>%n scorecard saved to %1</numerusform>
            <numerusform>%n scorecards saved to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScorecardModel</name>
    <message>
        <source>Commercial</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Encours</source>
        <translation>Receivables</translation>
    </message>
    <message>
        <source>Échu</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Part échue</source>
        <translation>Overdue share</translation>
    </message>
    <message>
        <source>Retard moyen</source>
        <translation>Average delay</translation>
    </message>
    <message numerus="yes">
        <source>Nouveaux (%n mois)</source>
        <translation>
            <numerusform>New (%n month)</numerusform>
            <numerusform>New (%n months)</numerusform>
        </translation>
    </message>
    <message>
        <source>Bloqués</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>Litiges aidés</source>
        <translation>Disputes helped</translation>
    </message>
    <message>
        <source>Visites</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Promesses</source>
        <translation>Promises</translation>
    </message>
    <message>
        <source>Tenues</source>
        <translation>Kept</translation>
    </message>
    <message numerus="yes">
        <source>%n facture(s) soldée(s) pour %1</source>
        <translation>
            <numerusform>%n invoice settled, for %1</numerusform>
            <numerusform>%n invoices settled, for %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Sans commercial</source>
        <translation>No salesperson</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 j</source>
        <translation>%1 d</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Paramètres</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Votre entreprise (en-tête des courriers)</source>
        <translation>Your company (letterhead)</translation>
    </message>
    <message>
        <source>Enregistrer les coordonnées</source>
        <translation>Save company details</translation>
    </message>
    <message>
        <source>Équipe</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Code PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Prénom Nom</source>
        <translation>First name Surname</translation>
    </message>
    <message>
        <source>Nom du nouvel utilisateur</source>
        <translation>New user&apos;s name</translation>
    </message>
    <message>
        <source>Profil du nouvel utilisateur</source>
        <translation>New user&apos;s role</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Code PIN…</source>
        <translation>PIN…</translation>
    </message>
    <message>
        <source>Code demandé quand cette personne choisit son nom</source>
        <translation>Code asked when this person picks their name</translation>
    </message>
    <message>
        <source>Désactiver</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Une personne partie n&apos;apparaît plus dans les listes ; son nom reste sur son travail</source>
        <translation>Someone who left no longer appears in the lists; their name stays on their work</translation>
    </message>
    <message>
        <source>Segments de clientèle</source>
        <translation>Customer segments</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Customers</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Nouveau segment…</source>
        <translation>New segment…</translation>
    </message>
    <message>
        <source>Plans de relance…</source>
        <translation>Dunning plans…</translation>
    </message>
    <message>
        <source>Niveaux, canaux, délais et modèles des relances ; plan de chaque segment</source>
        <translation>Reminder levels, channels, deadlines and templates; plan for each segment</translation>
    </message>
    <message>
        <source>Modèles d&apos;échéancier…</source>
        <translation>Schedule templates…</translation>
    </message>
    <message>
        <source>Échéanciers de paiement des propositions : jalons, mensualités, délais</source>
        <translation>Payment schedules for proposals: milestones, monthly instalments, payment terms</translation>
    </message>
    <message>
        <source>Modèles de courriers…</source>
        <translation>Letter templates…</translation>
    </message>
    <message>
        <source>Textes des relances et mises en demeure, en français et en anglais</source>
        <translation>Texts of reminders and formal notices, in French and English</translation>
    </message>
    <message>
        <source>Taux légaux</source>
        <translation>Statutory rates</translation>
    </message>
    <message>
        <source>Les pénalités de retard lisent ces taux datés : ajoutez chaque nouveau taux publié (BCE, taux d&apos;intérêt légal, taux belge) à sa date d&apos;effet.</source>
        <translation>Late-payment penalties use these dated rates: add each newly published rate (ECB, statutory interest rate, Belgian rate) at its effective date.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>À partir du</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Taux</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Ajouter un taux…</source>
        <translation>Add a rate…</translation>
    </message>
    <message>
        <source>Supprimer le taux</source>
        <translation>Delete the rate</translation>
    </message>
    <message>
        <source>Seuls les taux que vous avez ajoutés peuvent être supprimés.</source>
        <translation>Only the rates you have added can be deleted.</translation>
    </message>
    <message>
        <source>%s (désactivé)</source>
        <translation>%s (deactivated)</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Supprimer le taux « %1 » du %2 ?</source>
        <translation>Delete the “%1” rate dated %2?</translation>
    </message>
    <message>
        <source>Coordonnées enregistrées.</source>
        <translation>Company details saved.</translation>
    </message>
    <message>
        <source>Utilisateur</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Réactiver</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Seul le dirigeant peut modifier les autres membres de l&apos;équipe.</source>
        <translation>Only the owner can change the other team members.</translation>
    </message>
    <message>
        <source>Vous ne pouvez pas vous désactiver vous-même.</source>
        <translation>You cannot deactivate yourself.</translation>
    </message>
    <message>
        <source>Nouveau segment</source>
        <translation>New segment</translation>
    </message>
    <message>
        <source>Nom du segment :</source>
        <translation>Segment name:</translation>
    </message>
</context>
<context>
    <name>TaskList</name>
    <message>
        <source>Tâches de</source>
        <translation>Tasks for</translation>
    </message>
    <message>
        <source>Toute l&apos;équipe</source>
        <translation>The whole team</translation>
    </message>
    <message>
        <source>Afficher les tâches faites</source>
        <translation>Show completed tasks</translation>
    </message>
    <message>
        <source>Répondre…</source>
        <translation>Answer…</translation>
    </message>
    <message>
        <source>Liste des tâches</source>
        <translation>Task list</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Tâche</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Pour</source>
        <translation>For</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ouvrir la fiche client</source>
        <translation>Open the customer record</translation>
    </message>
    <message>
        <source>(personne)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <source>Choisissez une tâche pour lire ses consignes.</source>
        <translation>Choose a task to read its instructions.</translation>
    </message>
    <message>
        <source>Réponse (%1) :</source>
        <translation>Answer (%1):</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>Modèles de courriers</source>
        <translation>Letter templates</translation>
    </message>
    <message>
        <source>Modèles</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>français</source>
        <translation>French</translation>
    </message>
    <message>
        <source>anglais</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Objet</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Texte du courrier</source>
        <translation>Letter text</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Rétablir le modèle d&apos;origine</source>
        <translation>Restore the original template</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Variables : {{ contact_name }}, {{ customer.name }}, {{ total }}, {{ invoice_count }}, {{ deadline_date }}, {{ company.phone }}… {{ invoice_table }} place le tableau des factures.</source>
        <translation>Variables: {{ contact_name }}, {{ customer.name }}, {{ total }}, {{ invoice_count }}, {{ deadline_date }}, {{ company.phone }}… {{ invoice_table }} inserts the invoice table.</translation>
    </message>
    <message>
        <source>Modèle d&apos;origine</source>
        <translation>Original template</translation>
    </message>
    <message>
        <source>Modèle personnalisé (enregistré dans le fichier)</source>
        <translation>Custom template (saved in the file)</translation>
    </message>
    <message>
        <source>Texte</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Remplacer ce modèle par le texte d&apos;origine ? Vos modifications seront perdues.</source>
        <translation>Replace this template with the original text? Your changes will be lost.</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>Modèles d&apos;échéancier</source>
        <translation>Schedule templates</translation>
    </message>
    <message>
        <source>Modèles</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Nouveau modèle</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>Nom du modèle</source>
        <translation>Template name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Ajouter une ligne</source>
        <translation>Add a line</translation>
    </message>
    <message>
        <source>Supprimer la ligne</source>
        <translation>Delete the line</translation>
    </message>
    <message>
        <source>Nombre de mensualités</source>
        <translation>Number of monthly instalments</translation>
    </message>
    <message>
        <source> jours après la proposition</source>
        <translation> days after the proposal</translation>
    </message>
    <message>
        <source>Acompte à la commande (%)</source>
        <translation>Deposit with the order (%)</translation>
    </message>
    <message>
        <source>Mensualités</source>
        <translation>Monthly instalments</translation>
    </message>
    <message>
        <source>Première mensualité</source>
        <translation>First monthly instalment</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Modèle par défaut</source>
        <translation>Default template</translation>
    </message>
    <message>
        <source>Supprimer le modèle</source>
        <translation>Delete the template</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nom *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source> (par défaut)</source>
        <translation> (default)</translation>
    </message>
    <message>
        <source>Les nouvelles propositions partent de ce modèle.</source>
        <translation>New proposals start from this template.</translation>
    </message>
    <message>
        <source>À la commande</source>
        <translation>With the order</translation>
    </message>
    <message>
        <source>Ligne %1 : </source>
        <translation>Line %1: </translation>
    </message>
    <message>
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Lignes</source>
        <translation>Lines</translation>
    </message>
    <message>
        <source>Acompte</source>
        <translation>Deposit</translation>
    </message>
</context>
<context>
    <name>VisitBriefs</name>
    <message>
        <source>Enregistrer la fiche de visite</source>
        <translation>Save the visit brief</translation>
    </message>
    <message>
        <source>Document PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Fiche non enregistrée</source>
        <translation>Brief not saved</translation>
    </message>
    <message>
        <source>Le fichier n&apos;a pas pu être écrit : %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <source>Fiche de visite %1 %2.pdf</source>
        <translation>Visit brief %1 %2.pdf</translation>
    </message>
    <message>
        <source>Fiches de visite</source>
        <translation>Visit briefs</translation>
    </message>
    <message>
        <source>Aucun commercial n&apos;est enregistré (Paramètres › Équipe).</source>
        <translation>No salesperson is registered (Settings › Team).</translation>
    </message>
    <message>
        <source>Fiches de visite de la semaine</source>
        <translation>This week&apos;s visit briefs</translation>
    </message>
    <message>
        <source>Commercial :</source>
        <translation>Salesperson:</translation>
    </message>
    <message>
        <source>Aucune visite n&apos;est prévue cette semaine pour ce commercial.</source>
        <translation>No visits are planned this week for this salesperson.</translation>
    </message>
    <message>
        <source>Fiches de visite %1.pdf</source>
        <translation>Visit briefs %1.pdf</translation>
    </message>
</context>
<context>
    <name>VisitReportDialog</name>
    <message>
        <source>Rapport de visite — %s</source>
        <translation>Visit report — %s</translation>
    </message>
    <message>
        <source>Notez ce que vous avez vu sur place, objectivement. Le service crédit décide ; votre regard compte dans sa décision.</source>
        <translation>Record objectively what you saw on site. The credit department makes the decision, and your observations count towards it.</translation>
    </message>
    <message>
        <source>Date de la visite</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>Auteur</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>— non précisé —</source>
        <translation>— not specified —</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>Salesperson</translation>
    </message>
    <message>
        <source>Personnes rencontrées</source>
        <translation>People met</translation>
    </message>
    <message>
        <source>ex. : M. Martin (gérant) et Mme Leroy (comptable)</source>
        <translation>e.g. Mr Martin (manager) and Mrs Leroy (accountant)</translation>
    </message>
    <message>
        <source>Observations sur place</source>
        <translation>On-site observations</translation>
    </message>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>%s : %s</source>
        <translation>%s: %s</translation>
    </message>
    <message>
        <source>Commentaire : %s</source>
        <translation>Comment: %s</translation>
    </message>
    <message>
        <source>Délai de paiement rappelé</source>
        <translation>Payment terms restated</translation>
    </message>
    <message>
        <source>Oui, le délai convenu a été rappelé</source>
        <translation>Yes, the agreed payment terms were restated</translation>
    </message>
    <message>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Circuit de validation des factures</source>
        <translation>Invoice approval process</translation>
    </message>
    <message>
        <source>Qui valide les factures chez le client, quand, et qui les paie ?</source>
        <translation>Who approves invoices at the customer&apos;s, when, and who pays them?</translation>
    </message>
    <message>
        <source>À l&apos;attention du service crédit</source>
        <translation>For the attention of the credit department</translation>
    </message>
    <message>
        <source>Compte rendu libre</source>
        <translation>Free-form report</translation>
    </message>
    <message>
        <source>Compte rendu</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Prochaine visite</source>
        <translation>Next visit</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <source>◀ Semaine précédente</source>
        <translation>◀ Previous week</translation>
    </message>
    <message>
        <source>Cette semaine</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Semaine suivante ▶</source>
        <translation>Next week ▶</translation>
    </message>
    <message>
        <source>Semaine du %1 au %2</source>
        <translation>Week from %1 to %2</translation>
    </message>
    <message>
        <source>Calcul du calendrier…</source>
        <translation>Computing the calendar…</translation>
    </message>
    <message>
        <source>Événements du %1</source>
        <translation>Events on %1</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Bienvenue dans Encaisse</source>
        <translation>Welcome to Encaisse</translation>
    </message>
    <message>
        <source>Vendre c&apos;est bien, être payé c&apos;est mieux.</source>
        <translation>Selling is good; getting paid is better.</translation>
    </message>
    <message>
        <source>Encaisse garde votre fichier clients, les rapports de visite de vos commerciaux, vos relances et vos litiges dans un seul fichier sur cet ordinateur. Par quoi voulez-vous commencer ?</source>
        <translation>Encaisse keeps your customer records, your salespeople&apos;s visit reports, your reminders and your disputes in a single file on this computer. Where would you like to start?</translation>
    </message>
    <message>
        <source>Créer le fichier de mon entreprise</source>
        <translation>Create my company&apos;s file</translation>
    </message>
    <message>
        <source>Découvrir avec une société de démonstration</source>
        <translation>Explore with a demo company</translation>
    </message>
    <message>
        <source>Ouvrir un fichier existant…</source>
        <translation>Open an existing file…</translation>
    </message>
    <message>
        <source>Quitter</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Un fichier neuf à votre nom : vous y saisissez vos clients, ou vous les importerez de votre comptabilité.</source>
        <translation>A new file in your name: you enter your customers in it, or import them from your accounting software.</translation>
    </message>
    <message>
        <source>Une entreprise fictive avec 300 clients et prospects et les rapports de visite de ses commerciaux, pour essayer sans risque.</source>
        <translation>A fictitious company with 300 customers and prospects and its salespeople&apos;s visit reports, to try things out safely.</translation>
    </message>
    <message>
        <source>Un fichier Encaisse copié d&apos;un autre poste ou tiré d&apos;une sauvegarde.</source>
        <translation>An Encaisse file copied from another computer or taken from a backup.</translation>
    </message>
    <message>
        <source>Votre entreprise</source>
        <translation>Your company</translation>
    </message>
    <message>
        <source>Ces coordonnées figureront sur vos courriers de relance et vos propositions. Seule la raison sociale est obligatoire ; tout se modifie ensuite dans Paramètres.</source>
        <translation>These details will appear on your reminder letters and proposals. Only the legal name is required; everything can be changed later in Settings.</translation>
    </message>
    <message>
        <source>Emplacement du fichier</source>
        <translation>File location</translation>
    </message>
    <message>
        <source>Changer…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <source>Fichier :</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Créer le fichier</source>
        <translation>Create the file</translation>
    </message>
    <message>
        <source>Ouvrir un fichier Encaisse</source>
        <translation>Open an Encaisse file</translation>
    </message>
    <message>
        <source>Fichiers Encaisse (*.sqlite *.encaisse);;Tous les fichiers (*)</source>
        <translation>Encaisse files (*.sqlite *.encaisse);;All files (*)</translation>
    </message>
</context>
</TS>
